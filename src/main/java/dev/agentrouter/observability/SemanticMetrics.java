package dev.agentrouter.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Metrics of semantic routing: inference time, failures, the prompt-vector cache and catalog embedding. */
@ApplicationScoped
public class SemanticMetrics {

    private final MeterRegistry registry;
    private final Timer queryInference;
    private final Timer catalogEmbedding;
    /** Held here because function counters keep only a weak reference to what they read. */
    private Supplier<Number> cacheHits;
    private Supplier<Number> cacheMisses;

    public SemanticMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queryInference = Timer.builder("router.embedding.duration")
                .description("Time to embed one prompt (cache misses only)")
                .tag("kind", "prompt")
                // A dozen fixed buckets around in-process (ms) and remote (tens of ms to the timeout) inference,
                // instead of the ~70 a percentile histogram publishes per pod.
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
                        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100),
                        Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                        Duration.ofSeconds(5))
                .register(registry);
        this.catalogEmbedding = Timer.builder("router.embedding.catalog.duration")
                .description("Time to embed a catalog snapshot's new or changed agents")
                .register(registry);
    }

    /** Gauges read from the semantic service: whether decisions use semantic evidence now, and the cache. */
    public void register(Supplier<Number> ready, Supplier<Number> cacheHits, Supplier<Number> cacheMisses) {
        this.cacheHits = cacheHits;
        this.cacheMisses = cacheMisses;
        Gauge.builder("router.semantic.ready", ready)
                .description("1 when the current catalog is embedded and prompts are routed with semantic evidence")
                .register(registry);
        FunctionCounter.builder("router.embedding.cache.requests", cacheHits, s -> s.get().doubleValue())
                .description("Prompt-vector cache lookups by result").tag("result", "hit").register(registry);
        FunctionCounter.builder("router.embedding.cache.requests", cacheMisses, s -> s.get().doubleValue())
                .description("Prompt-vector cache lookups by result").tag("result", "miss").register(registry);
    }

    public void promptEmbedded(long nanos) {
        queryInference.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void catalogEmbedded(long nanos, int agents) {
        catalogEmbedding.record(nanos, TimeUnit.NANOSECONDS);
        Counter.builder("router.embedding.agents").description("Agents embedded (new or changed) since start")
                .register(registry).increment(agents);
    }

    /** The model failed: on a prompt (routed lexically) or on the catalog (retried later). */
    public void failed(String kind) {
        Counter.builder("router.embedding.failures").description("Embedding failures by kind (prompt, catalog)")
                .tag("kind", kind).register(registry).increment();
    }
}
