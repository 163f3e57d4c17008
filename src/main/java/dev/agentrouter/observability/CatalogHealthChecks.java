package dev.agentrouter.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.service.AgentRegistry;

/** Readiness and start-up as seen by Kubernetes: ready means at least one agent can be routed to. */
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
            CatalogSnapshot catalog = registry.current() == null ? null : registry.current().catalog();
            boolean up = catalog != null && !catalog.isEmpty();
            return HealthCheckResponse.named("agent-catalog")
                    .status(up)
                    .withData("agents", catalog == null ? 0 : catalog.agents().size())
                    .withData("rejectedFiles", catalog == null ? 0 : catalog.rejected().size())
                    .withData("location", catalog == null ? "" : catalog.location())
                    .withData("version", catalog == null ? 0 : catalog.version())
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
