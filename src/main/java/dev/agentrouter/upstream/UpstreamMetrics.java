package dev.agentrouter.upstream;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Upstream-side metrics. Tags are bounded: agent names from the catalog, status classes, retry reasons (status codes
 * or "connect"), token types. Token and time-to-first-token names follow the OpenTelemetry GenAI conventions.
 */
@ApplicationScoped
public class UpstreamMetrics {

    /** The one upstream this version talks to; a tag so that named upstreams can be added without renaming. */
    static final String UPSTREAM = "default";

    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    public UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("router.upstream.in.flight", inFlight, AtomicInteger::get)
                .description("Upstream calls in progress, streams included").tag("upstream", UPSTREAM)
                .register(registry);
    }

    public void retried(String reason) {
        Counter.builder("router.upstream.retries")
                .description("Upstream calls retried before anything reached the client, by reason")
                .tag("upstream", UPSTREAM).tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void started() {
        inFlight.incrementAndGet();
    }

    public void finished() {
        inFlight.decrementAndGet();
    }

    /** Time from sending the request to the response headers, by status class ({@code 2xx} ... or {@code error}). */
    public void answered(String statusClass, long nanos) {
        Timer.builder("router.upstream.duration")
                .description("Upstream call duration until the response headers, by status class")
                .tag("upstream", UPSTREAM).tag("status_class", statusClass)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(120))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void firstChunk(String agent, long nanos) {
        Timer.builder("gen_ai.server.time_to_first_token")
                .description("Time from sending a streamed request upstream to its first chunk")
                .tag("agent", agent)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(120))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void tokens(String agent, long input, long output) {
        if (input > 0) {
            tokenCounter(agent, "input").increment(input);
        }
        if (output > 0) {
            tokenCounter(agent, "output").increment(output);
        }
    }

    private Counter tokenCounter(String agent, String type) {
        return Counter.builder("gen_ai.client.token.usage")
                .description("Tokens reported by the upstream, by agent and type (input, output)")
                .tag("agent", agent).tag("type", type)
                .register(registry);
    }

    static String statusClass(int status) {
        return (status / 100) + "xx";
    }
}
