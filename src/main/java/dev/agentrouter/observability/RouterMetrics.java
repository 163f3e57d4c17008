package dev.agentrouter.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.catalog.CatalogWatcher;
import dev.agentrouter.routing.RouteDecision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The router's own metrics. Tag values are bounded: agent names come from the catalog (the operator's files), the
 * rest from enums. No prompt text ever becomes a tag.
 */
@ApplicationScoped
public class RouterMetrics {

    /** Tag value for decisions without an agent. */
    static final String NO_AGENT = "none";

    private final MeterRegistry registry;
    private final Timer routingLatency;
    private final AtomicInteger agents = new AtomicInteger();
    private final AtomicInteger rejectedFiles = new AtomicInteger();
    private final AtomicInteger catalogVersion = new AtomicInteger();
    private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
    /** Held here because function counters keep only a weak reference to what they read. */
    private Supplier<Number> cacheHits;
    private Supplier<Number> cacheMisses;

    public RouterMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.routingLatency = Timer.builder("router.routing.duration")
                .description("Time to score a prompt against the catalog and decide (not decisions from the cache)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(1_000))
                .maximumExpectedValue(Duration.ofMillis(100))
                .register(registry);
        Gauge.builder("router.catalog.agents", agents, AtomicInteger::get)
                .description("Agents in the current catalog snapshot").register(registry);
        Gauge.builder("router.catalog.rejected.files", rejectedFiles, AtomicInteger::get)
                .description("Agent files rejected in the current catalog snapshot").register(registry);
        Gauge.builder("router.catalog.version", catalogVersion, AtomicInteger::get)
                .description("Number of the current catalog snapshot; grows by one per reload").register(registry);
        for (CatalogWatcher.Outcome o : CatalogWatcher.Outcome.values()) {
            reloads(o);
        }
    }

    /** A decision scored now, in {@code nanos}. */
    public void decided(RouteDecision decision, long nanos) {
        routingLatency.record(nanos, TimeUnit.NANOSECONDS);
        decidedFromCache(decision);
    }

    /** A decision answered from the decision cache: counted, but not timed (nothing was scored). */
    public void decidedFromCache(RouteDecision decision) {
        String agent = decision.agent() == null ? NO_AGENT : decision.agent();
        String outcome = decision.outcome().key();
        // Cached: registering builds and filters a meter id, which costs more than the increment itself.
        decisions.computeIfAbsent(agent + '\0' + outcome, k -> Counter.builder("router.decisions")
                        .description("Routing decisions by chosen agent and outcome")
                        .tag("agent", agent)
                        .tag("outcome", outcome)
                        .register(registry))
                .increment();
    }

    /** The decision cache's lookups, read at scrape time. */
    public void decisionCache(Supplier<Number> hits, Supplier<Number> misses) {
        this.cacheHits = hits;
        this.cacheMisses = misses;
        FunctionCounter.builder("router.decision.cache.requests", hits, s -> s.get().doubleValue())
                .description("Decisions answered from the decision cache (hit) or routed (miss)")
                .tag("result", "hit").register(registry);
        FunctionCounter.builder("router.decision.cache.requests", misses, s -> s.get().doubleValue())
                .description("Decisions answered from the decision cache (hit) or routed (miss)")
                .tag("result", "miss").register(registry);
    }

    public void catalogLoaded(CatalogSnapshot snapshot, CatalogWatcher.Outcome outcome) {
        reloads(outcome).increment();
        agents.set(snapshot.agents().size());
        rejectedFiles.set(snapshot.rejected().size());
        catalogVersion.set((int) snapshot.version());
    }

    private Counter reloads(CatalogWatcher.Outcome outcome) {
        return Counter.builder("router.catalog.reloads")
                .description("Catalog load attempts by outcome (success, partial: some files rejected, failed)")
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }
}
