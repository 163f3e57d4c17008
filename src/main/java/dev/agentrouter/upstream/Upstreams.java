package dev.agentrouter.upstream;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.observability.UpstreamMetrics;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;

/**
 * The configured model endpoints: {@code router.upstream} (named {@code default}, when its base URL is set) and every
 * {@code router.upstreams.<name>}, in priority order. Each has its own connection pools and circuit breaker. Built
 * at startup, so a malformed base URL stops the service with its name instead of failing the first request.
 */
@Startup
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    public static final String DEFAULT = "default";

    private final List<UpstreamEndpoint> all;

    public Upstreams(Vertx vertx, RouterConfig config, UpstreamMetrics metrics) {
        RouterConfig.Upstream d = config.upstream();
        List<UpstreamEndpoint> endpoints = new ArrayList<>();
        d.baseUrl().filter(s -> !s.isBlank()).ifPresent(url -> endpoints.add(endpoint(vertx, DEFAULT, url, d.apiKey(),
                d.priority(), Set.of(), new UpstreamEndpoint.Timeouts(d.connectTimeout(), d.firstByteTimeout(),
                        d.idleTimeout(), d.totalTimeout()),
                d.maxConnections(), new CircuitBreaker(d.circuitBreaker().failureThreshold(),
                        d.circuitBreaker().openDuration()))));
        for (Map.Entry<String, RouterConfig.NamedUpstream> e : config.upstreams().entrySet()) {
            RouterConfig.NamedUpstream n = e.getValue();
            endpoints.add(endpoint(vertx, e.getKey(), n.baseUrl(), n.apiKey(), n.priority(),
                    Set.copyOf(n.models().orElse(List.of())),
                    new UpstreamEndpoint.Timeouts(n.connectTimeout().orElse(d.connectTimeout()),
                            n.firstByteTimeout().orElse(d.firstByteTimeout()), n.idleTimeout().orElse(d.idleTimeout()),
                            n.totalTimeout().orElse(d.totalTimeout())),
                    n.maxConnections().orElse(d.maxConnections()),
                    new CircuitBreaker(n.circuitBreakerFailureThreshold().orElse(d.circuitBreaker().failureThreshold()),
                            n.circuitBreakerOpenDuration().orElse(d.circuitBreaker().openDuration()))));
        }
        endpoints.sort(Comparator.comparingInt(UpstreamEndpoint::priority).thenComparing(UpstreamEndpoint::name));
        this.all = List.copyOf(endpoints);
        for (UpstreamEndpoint u : all) {
            metrics.upstream(u.name(), () -> u.inFlight().get(), () -> u.breaker().state().gauge);
        }
        if (!all.isEmpty()) {
            LOG.infof("Upstreams in failover order: %s", all);
        }
    }

    private static UpstreamEndpoint endpoint(Vertx vertx, String name, String baseUrl, Optional<String> apiKey,
                                             int priority, Set<String> models, UpstreamEndpoint.Timeouts timeouts,
                                             int maxConnections, CircuitBreaker breaker) {
        URI uri = URI.create(baseUrl.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream '" + name + "': base URL must be absolute, like"
                    + " https://host/v1");
        }
        // max-connections is the total: each event loop's pool gets its share.
        int loops = eventLoops(vertx);
        int perLoop = Math.max(1, (maxConnections + loops - 1) / loops);
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) timeouts.connect().toMillis())
                .setMaxPoolSize(perLoop)
                .setKeepAlive(true)
                .setSsl("https".equalsIgnoreCase(uri.getScheme()))
                .setTrustAll(false)
                .setVerifyHost(true);
        EventLoopClients clients = new EventLoopClients(() -> vertx.createHttpClient(options));
        return new UpstreamEndpoint(name, uri, apiKey, priority, models, timeouts, clients, breaker);
    }

    private static int eventLoops(Vertx vertx) {
        int n = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            n++;
        }
        return Math.max(1, n);
    }

    public boolean configured() {
        return !all.isEmpty();
    }

    /** The upstreams that serve this (mapped) model, in the order they are tried. */
    public List<UpstreamEndpoint> serving(String model) {
        List<UpstreamEndpoint> out = new ArrayList<>(all.size());
        for (UpstreamEndpoint u : all) {
            if (u.serves(model)) {
                out.add(u);
            }
        }
        return out;
    }

    public List<UpstreamEndpoint> all() {
        return all;
    }

    @PreDestroy
    void close() {
        all.forEach(UpstreamEndpoint::close);
    }
}
