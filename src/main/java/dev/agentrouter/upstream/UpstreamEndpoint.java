package dev.agentrouter.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.http.HttpClient;

/**
 * One model endpoint: where it is, its key, its own connection pools (one per event loop), timeouts and circuit
 * breaker, and which upstream model ids it serves (empty: every model).
 */
public final class UpstreamEndpoint {

    /** Timeouts of one call: to connect, to the response headers, of silence between chunks, of the whole call. */
    public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {}

    private final String name;
    private final URI chatCompletions;
    /** {@link #chatCompletions} taken apart once, so a request does not parse a URL. */
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String path;
    private final String authorization;
    private final int priority;
    private final Set<String> models;
    private final Timeouts timeouts;
    private final EventLoopClients clients;
    private final CircuitBreaker breaker;
    private final AtomicInteger inFlight = new AtomicInteger();

    UpstreamEndpoint(String name, URI baseUrl, Optional<String> apiKey, int priority, Set<String> models,
                     Timeouts timeouts, EventLoopClients clients, CircuitBreaker breaker) {
        this.name = name;
        String base = baseUrl.toString();
        this.chatCompletions = URI.create(base.endsWith("/") ? base : base + "/").resolve("chat/completions");
        this.host = chatCompletions.getHost();
        this.ssl = "https".equalsIgnoreCase(chatCompletions.getScheme());
        this.port = chatCompletions.getPort() > 0 ? chatCompletions.getPort() : ssl ? 443 : 80;
        this.path = chatCompletions.getRawPath() + (chatCompletions.getRawQuery() == null ? ""
                : "?" + chatCompletions.getRawQuery());
        this.authorization = apiKey.filter(k -> !k.isBlank()).map(k -> "Bearer " + k).orElse(null);
        this.priority = priority;
        this.models = Set.copyOf(models);
        this.timeouts = timeouts;
        this.clients = clients;
        this.breaker = breaker;
    }

    public String name() {
        return name;
    }

    /** Where requests go, for messages: the name, scheme, host and port only, never the key or the path. */
    public String describe() {
        return name + " (" + chatCompletions.getScheme() + "://" + chatCompletions.getRawAuthority() + ")";
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    boolean ssl() {
        return ssl;
    }

    /** Path (and query) of the chat completions endpoint. */
    String path() {
        return path;
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

    /** The client of the calling event loop. */
    HttpClient client() {
        return clients.current();
    }

    void close() {
        clients.close();
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
