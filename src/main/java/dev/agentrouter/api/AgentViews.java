package dev.agentrouter.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.catalog.Rejection;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** JSON views of the catalog for {@code /v1/agents}. Catalog records they embed are registered for Jackson too. */
@RegisterForReflection(targets = {AgentExample.class, Rejection.class})
public final class AgentViews {

    private AgentViews() {}

    @RegisterForReflection
    public record CatalogView(String location, long version, Instant loadedAt, int count, List<AgentSummary> agents,
                       List<Rejection> rejected) {

        static CatalogView of(CatalogSnapshot s) {
            return new CatalogView(s.location(), s.version(), s.loadedAt(), s.agents().size(),
                    s.agents().stream().map(AgentSummary::of).toList(), s.rejected());
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentSummary(String name, String description, String model, List<String> tools, String color,
                        int examples, String source) {

        static AgentSummary of(AgentDefinition a) {
            return new AgentSummary(a.name(), a.description(), a.model(), a.tools(), a.color(), a.examples().size(),
                    a.source());
        }
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgentDetail(String name, String description, String model, List<String> tools, String color,
                       List<AgentExample> examples, Map<String, Object> extra, String source, String frontmatter,
                       String contentHash, String systemPrompt) {

        static AgentDetail of(AgentDefinition a, boolean withBody) {
            return new AgentDetail(a.name(), a.description(), a.model(), a.tools(), a.color(), a.examples(),
                    a.extra(), a.source(), a.frontmatter().name().toLowerCase(java.util.Locale.ROOT),
                    a.contentHash(), withBody ? a.systemPrompt() : null);
        }
    }
}
