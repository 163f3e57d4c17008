package dev.agentrouter.upstream;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Upstream-side metrics; tags are bounded (retry reasons are status codes or "connect"). */
@ApplicationScoped
public class UpstreamMetrics {

    private final MeterRegistry registry;

    public UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void retried(String reason) {
        Counter.builder("router.upstream.retries")
                .description("Upstream calls retried before anything reached the client, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }
}
