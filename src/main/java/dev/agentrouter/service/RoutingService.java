package dev.agentrouter.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.observability.RouterMetrics;
import dev.agentrouter.routing.ConfidenceModel;
import dev.agentrouter.routing.FusionWeights;
import dev.agentrouter.routing.HybridConfidenceModel;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.SemanticQuery;

/**
 * Routes a query against the current catalog and records the decision (never the prompt) in metrics and logs. A
 * query routed with all the evidence the table has is remembered ({@link DecisionCache}): the same user turns against
 * the same table get the same decision without scoring again.
 */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    private final AgentRegistry registry;
    private final SemanticRouting semantic;
    private final RouterMetrics metrics;
    private final Router router;
    private final Router routerWithFallback;
    private final Optional<String> fallbackAgent;
    private final DecisionCache decisions;

    public RoutingService(AgentRegistry registry, SemanticRouting semantic, RouterMetrics metrics,
                          RouterConfig config) {
        this.registry = registry;
        this.semantic = semantic;
        this.metrics = metrics;
        RouterConfig.Routing r = config.routing();
        this.fallbackAgent = r.fallbackAgent().filter(name -> !name.isBlank());
        ConfidenceModel confidence = new ConfidenceModel(r.confidence().bias(), r.confidence().evidenceWeight(),
                r.confidence().marginWeight(), r.confidence().coverageWeight(), r.confidence().strengthWeight());
        RouterConfig.SemanticFusion f = config.semantic().fusion();
        FusionWeights fusion = new FusionWeights(f.lexical(), f.description(), f.body(), f.sections(), f.examples(),
                f.exampleCentroid(), f.classifier(), f.classifierPerExample());
        RouterConfig.HybridConfidence h = config.semantic().confidence();
        HybridConfidenceModel hybrid = new HybridConfidenceModel(h.bias(), h.lexicalWeight(), h.similarityWeight(),
                h.fusedMarginWeight(), h.agreementWeight());
        RoutingPolicy policy = new RoutingPolicy(r.minConfidence(), Optional.empty(), r.temperature(),
                r.maxCandidates(), confidence, fusion, hybrid);
        this.router = new Router(policy);
        this.routerWithFallback = new Router(policy.withFallback(fallbackAgent));
        this.decisions = new DecisionCache(r.decisionCacheSize(), MAX_CACHED_QUERY_CHARS);
        metrics.decisionCache(decisions::hits, decisions::misses);
    }

    /** Longer queries are routed every time: the cache's prompt text stays bounded (capacity x this, in chars). */
    static final int MAX_CACHED_QUERY_CHARS = 8192;

    /** A decision and the catalog snapshot it was made against. */
    public record Result(RouteDecision decision, long catalogVersion) {}

    /**
     * Routes the query when that does not run the embedding model (the prompt's vector is cached, or there is no
     * semantic evidence); null when it would (a blocking call of milliseconds, or up to the remote timeout): callers
     * on the event loop then call {@link #route} on a worker thread. The prompt-vector cache is looked up once.
     */
    public Result routeWithoutInference(Query query) {
        return route(query, false);
    }

    /** Routes the query; may block on the embedding model (see {@link #routeWithoutInference}). */
    public Result route(Query query) {
        return route(query, true);
    }

    /** The cached decision, or a new one; null when that needs the model and {@code mayInfer} is false. */
    private Result route(Query query, boolean mayInfer) {
        long start = System.nanoTime();
        RoutingTable table = registry.current();
        Result cached = cached(table, query);
        if (cached != null) {
            return cached;
        }
        SemanticQuery semanticQuery = mayInfer ? semantic.queryFor(table, query)
                : semantic.withoutInference(table, query);
        return semanticQuery == null ? null : decide(start, table, query, semanticQuery);
    }

    private Result decide(long start, RoutingTable table, Query query, SemanticQuery semanticQuery) {
        // The fallback is only offered while it exists: a decision never names an agent that cannot serve.
        boolean fallbackServes = fallbackAgent.flatMap(table.catalog()::agent).isPresent();
        RouteDecision decision = (fallbackServes ? routerWithFallback : router).route(table.index(), query,
                semanticQuery);
        // A decision made lexically although the table has vectors (the prompt's embedding failed) is not kept: it
        // must not outlive the failure.
        if ((semanticQuery.usable() || table.semantic() == null) && registry.current() == table) {
            decisions.put(table, query, decision);
        }
        decisions.missed();
        metrics.decided(decision, System.nanoTime() - start);
        LOG.debugf("route decision agent=%s outcome=%s confidence=%.3f", decision.agent(), decision.outcome().key(),
                decision.confidence());
        return new Result(decision, table.catalog().version());
    }

    /**
     * The cached decision, if it still holds. With the table's vectors, it does. Without them (semantic routing off,
     * the catalog still being embedded or failing to embed, a build without models) the decision was lexical, and it
     * holds while the reason it gives for that is still the reason: that can change without a new table.
     */
    private Result cached(RoutingTable table, Query query) {
        RouteDecision decision = decisions.find(table, query);
        if (decision == null
                || (table.semantic() == null && !decision.semantic().equals(semantic.queryFor(table, query).status()))) {
            return null;
        }
        decisions.hit();
        metrics.decidedFromCache(decision);
        return new Result(decision, table.catalog().version());
    }
}
