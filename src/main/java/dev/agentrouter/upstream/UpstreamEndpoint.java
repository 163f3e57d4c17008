package dev.agentrouter.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.http.HttpClient;

/**
 * One model endpoint: where it is, its key, its own connection pool, timeouts and circuit breaker, and which upstream
 * model ids it serves (empty: every model).
 */
public final class UpstreamEndpoint {

    /** Timeouts of one call: to connect, to the response headers, of silence between chunks, of the whole call. */
    public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {}

    private final String name;
    private final URI chatCompletions;
    private final String authorization;
    private final int priority;
    private final Set<String> models;
    private final Timeouts timeouts;
    private final HttpClient client;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();

    UpstreamEndpoint(String name, URI baseUrl, Optional<String> apiKey, int priority, Set<String> models,
                     Timeouts timeouts, HttpClient client, CircuitBreaker breaker) {
        this.name = name;
        String base = baseUrl.toString();
        this.chatCompletions = URI.create(base.endsWith("/") ? base : base + "/").resolve("chat/completions");
        this.authorization = apiKey.filter(k -> !k.isBlank()).map(k -> "Bearer " + k).orElse(null);
        this.priority = priority;
        this.models = Set.copyOf(models);
        this.timeouts = timeouts;
        this.client = client;
        this.breaker = breaker;
    }

    public String name() {
        return name;
    }

    /** Where requests go, for messages: the name, scheme, host and port only, never the key or the path. */
    public String describe() {
        return name + " (" + chatCompletions.getScheme() + "://" + chatCompletions.getRawAuthority() + ")";
    }

    URI chatCompletions() {
        return chatCompletions;
    }

    /** {@code Bearer <key>}, or null without a key. */
    String authorization() {
        return authorization;
    }

    int priority() {
        return priority;
    }

    boolean serves(String model) {
        return models.isEmpty() || models.contains(model);
    }

    Timeouts timeouts() {
        return timeouts;
    }

    HttpClient client() {
        return client;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    AtomicInteger inFlight() {
        return inFlight;
    }

    @Override
    public String toString() {
        return describe();
    }
}
