package dev.agentrouter.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.service.AgentRegistry;
import dev.agentrouter.service.SemanticRouting;

/**
 * Readiness and start-up as seen by Kubernetes: ready means at least one agent can be routed to (and, with
 * {@code router.semantic.gate-readiness}, that the catalog has been embedded once).
 */
public final class CatalogHealthChecks {

    private CatalogHealthChecks() {}

    @Readiness
    @ApplicationScoped
    public static class CatalogReadiness implements HealthCheck {

        private final AgentRegistry registry;

        public CatalogReadiness(AgentRegistry registry) {
            this.registry = registry;
        }

        @Override
        public HealthCheckResponse call() {
            CatalogSnapshot catalog = registry.current().catalog();
            return HealthCheckResponse.named("agent-catalog")
                    .status(!catalog.isEmpty())
                    .withData("agents", catalog.agents().size())
                    .withData("rejectedFiles", catalog.rejected().size())
                    .withData("location", catalog.location())
                    .withData("version", catalog.version())
                    .build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class SemanticReadiness implements HealthCheck {

        private final SemanticRouting semantic;

        public SemanticReadiness(SemanticRouting semantic) {
            this.semantic = semantic;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("semantic-evidence")
                    .status(!semantic.holdsReadiness())
                    .withData("enabled", semantic.enabled())
                    .withData("ready", semantic.ready())
                    .build();
        }
    }

    @Startup
    @ApplicationScoped
    public static class CatalogStartup implements HealthCheck {

        private final AgentRegistry registry;

        public CatalogStartup(AgentRegistry registry) {
            this.registry = registry;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("agent-catalog-loaded").status(registry.started()).build();
        }
    }
}
