package dev.agentrouter.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.observability.RouterMetrics;
import dev.agentrouter.routing.ConfidenceModel;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;

/** Routes a query against the current catalog and records the decision (never the prompt) in metrics and logs. */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final AgentRegistry registry;
    private final RouterMetrics metrics;
    private final Router router;
    private final Router routerWithFallback;
    private final Optional<String> fallbackAgent;

    public RoutingService(AgentRegistry registry, RouterMetrics metrics, RouterConfig config) {
        this.registry = registry;
        this.metrics = metrics;
        RouterConfig.Routing r = config.routing();
        this.fallbackAgent = r.fallbackAgent().filter(name -> !name.isBlank());
        ConfidenceModel confidence = new ConfidenceModel(r.confidence().bias(), r.confidence().evidenceWeight(),
                r.confidence().marginWeight(), r.confidence().coverageWeight(), r.confidence().strengthWeight());
        this.router = new Router(new RoutingPolicy(r.minConfidence(), Optional.empty(), r.temperature(),
                r.maxCandidates(), confidence));
        this.routerWithFallback = new Router(new RoutingPolicy(r.minConfidence(), fallbackAgent, r.temperature(),
                r.maxCandidates(), confidence));
    }

    /** A decision and the catalog snapshot it was made against. */
    public record Result(RouteDecision decision, long catalogVersion) {}

    public Result route(Query query) {
        long start = System.nanoTime();
        RoutingTable table = registry.current();
        // The fallback is only offered while it exists: a decision never names an agent that cannot serve.
        boolean fallbackServes = fallbackAgent.flatMap(table.catalog()::agent).isPresent();
        RouteDecision decision = (fallbackServes ? routerWithFallback : router).route(table.index(), query);
        metrics.decided(decision, System.nanoTime() - start);
        LOG.debugf("route decision agent=%s outcome=%s confidence=%.3f", decision.agent(), decision.outcome().key(),
                decision.confidence());
        return new Result(decision, table.catalog().version());
    }
}
