package dev.agentrouter.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Metrics of the calls to model endpoints. Tags are bounded: upstream names from configuration, agent names from the
 * catalog ({@code none} when unrouted), status classes, retry and failover reasons, token types. Token and
 * time-to-first-token names follow the OpenTelemetry GenAI conventions. Meters are cached per tag combination, so a
 * request does map look-ups only.
 */
@ApplicationScoped
public class UpstreamMetrics {

    private final MeterRegistry registry;
    /** Per upstream, per status class (two look-ups of strings that cache their hash: no key is built per call). */
    private final Map<String, Map<String, Timer>> durations = new ConcurrentHashMap<>();
    private final Map<String, Timer> firstTokens = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** Per agent: its input and its output token counter (looked up once per answer, by agent name alone). */
    private final Map<String, Counter[]> tokenCounters = new ConcurrentHashMap<>();

    public UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the per-upstream gauges: calls in progress and the circuit breaker's state. */
    public void upstream(String upstream, Supplier<Number> inFlight, Supplier<Number> circuitState) {
        Gauge.builder("router.upstream.in.flight", inFlight)
                .description("Upstream calls in progress, streams included").tag("upstream", upstream)
                .strongReference(true).register(registry);
        Gauge.builder("router.upstream.circuit.state", circuitState)
                .description("Circuit breaker state of the upstream: 0 closed, 1 half-open (trial allowed), 2 open")
                .tag("upstream", upstream).strongReference(true).register(registry);
    }

    /** Time from sending the request to the response headers, by status class ({@code 2xx} ... or {@code error}). */
    public void answered(String upstream, String statusClass, long nanos) {
        durations.computeIfAbsent(upstream, u -> new ConcurrentHashMap<>())
                .computeIfAbsent(statusClass, k -> Timer.builder("router.upstream.duration")
                        .description("Upstream call duration until the response headers, by upstream and status class")
                        .tag("upstream", upstream).tag("status_class", statusClass)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(120))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void firstChunk(String agent, long nanos) {
        firstTokens.computeIfAbsent(agent, a -> Timer.builder("gen_ai.server.time_to_first_token")
                        .description("Time from receiving a streamed request to relaying its first upstream chunk")
                        .tag("agent", a)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(120))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A retry on the same upstream before anything reached the client; reason: status code or {@code connect}. */
    public void retried(String upstream, String reason) {
        counter("router.upstream.retries", "Upstream calls retried before anything reached the client, by reason",
                "upstream", upstream, "reason", reason).increment();
    }

    /** The next upstream was tried because this one failed or its circuit was open. */
    public void failedOver(String upstream, String reason) {
        counter("router.upstream.failovers", "Calls moved on to the next upstream, by the upstream left and why",
                "upstream", upstream, "reason", reason).increment();
    }

    public void tokens(String agent, long input, long output) {
        Counter[] byType = tokenCounters.computeIfAbsent(agent, a -> new Counter[] {
                counter("gen_ai.client.token.usage", "Tokens reported by the upstream, by agent and type (input, output)",
                        "agent", a, "type", "input"),
                counter("gen_ai.client.token.usage", "Tokens reported by the upstream, by agent and type (input, output)",
                        "agent", a, "type", "output")});
        if (input > 0) {
            byType[0].increment(input);
        }
        if (output > 0) {
            byType[1].increment(output);
        }
    }

    private Counter counter(String name, String description, String k1, String v1, String k2, String v2) {
        return counters.computeIfAbsent(name + '\0' + v1 + '\0' + v2, k -> Counter.builder(name)
                .description(description).tag(k1, v1).tag(k2, v2).register(registry));
    }

    private static final String[] STATUS_CLASSES = {"0xx", "1xx", "2xx", "3xx", "4xx", "5xx"};

    public static String statusClass(int status) {
        int hundreds = status / 100;
        return hundreds >= 0 && hundreds < STATUS_CLASSES.length ? STATUS_CLASSES[hundreds] : hundreds + "xx";
    }
}
