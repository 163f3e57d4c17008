package dev.agentrouter.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.service.AgentRegistry;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** OpenAI's model list, so clients can discover the agents: {@code auto} plus one {@code agent/<name>} each. */
@NonBlocking // the catalog is in memory: answered on the event loop
@Path("/v1/models")
@Tag(name = "OpenAI-compatible")
public class ModelsResource {

    static final String AUTO = "auto";
    static final String AGENT_PREFIX = "agent/";

    @RegisterForReflection
    public record Model(String id, String object, long created, String owned_by) {
        static Model of(String id, long created) {
            return new Model(id, "model", created, "agent-router");
        }
    }

    @RegisterForReflection
    public record ModelList(String object, List<Model> data) {}

    private final AgentRegistry registry;

    public ModelsResource(AgentRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List 'auto' and one 'agent/<name>' model per loaded agent")
    public ModelList list() {
        CatalogSnapshot catalog = registry.current().catalog();
        long created = catalog.loadedAt().getEpochSecond();
        List<Model> models = new ArrayList<>();
        models.add(Model.of(AUTO, created));
        catalog.agents().forEach(a -> models.add(Model.of(AGENT_PREFIX + a.name(), created)));
        return new ModelList("list", models);
    }
}
