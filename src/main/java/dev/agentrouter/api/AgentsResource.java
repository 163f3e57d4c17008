package dev.agentrouter.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.NonBlocking;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.service.AgentRegistry;

@NonBlocking // the catalog is in memory: answered on the event loop
@Path("/v1/agents")
@Tag(name = "Agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    private final AgentRegistry registry;

    public AgentsResource(AgentRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Operation(summary = "List loaded agents and the files that were rejected, with reasons")
    public AgentViews.CatalogView list() {
        return AgentViews.CatalogView.of(registry.current().catalog());
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One agent: metadata, examples, source file; the system prompt with includeBody=true")
    @APIResponse(responseCode = "404", description = "No agent has that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AgentViews.AgentDetail get(@PathParam("name") String name,
                                      @Parameter(description = "Include the agent's system prompt (the Markdown body)")
                                      @QueryParam("includeBody") boolean includeBody) {
        CatalogSnapshot catalog = registry.current().catalog();
        return catalog.agent(name)
                .map(a -> AgentViews.AgentDetail.of(a, includeBody))
                .orElseThrow(() -> ApiProblem.unknownAgent(name));
    }
}
