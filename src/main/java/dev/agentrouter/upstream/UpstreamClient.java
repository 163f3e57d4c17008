package dev.agentrouter.upstream;

import java.net.URI;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.agentrouter.config.RouterConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * The one OpenAI-compatible upstream: a pooled, non-blocking HTTP client that sends bodies as given and hands back
 * the response unread, so callers can stream it. The API key is only ever put in the Authorization header.
 */
@ApplicationScoped
public class UpstreamClient {

    private final Optional<URI> baseUrl;
    private final Optional<String> apiKey;
    private final long idleTimeoutMillis;
    private final HttpClient client;

    public UpstreamClient(Vertx vertx, RouterConfig config) {
        RouterConfig.Upstream u = config.upstream();
        this.baseUrl = u.baseUrl().filter(s -> !s.isBlank()).map(s -> URI.create(s.endsWith("/") ? s : s + "/"));
        this.apiKey = u.apiKey().filter(s -> !s.isBlank());
        this.idleTimeoutMillis = u.idleTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) u.connectTimeout().toMillis())
                .setMaxPoolSize(u.maxConnections())
                .setKeepAlive(true));
    }

    public boolean configured() {
        return baseUrl.isPresent();
    }

    /** Where requests go, for error messages: scheme, host and port only, never credentials. */
    public String describe() {
        return baseUrl.map(u -> u.getScheme() + "://" + u.getAuthority()).orElse("(none)");
    }

    /**
     * POSTs a JSON body to {@code <base-url>/<path>}.
     *
     * @param authorization the caller's Authorization header to forward, or null to use the configured key
     */
    public Uni<HttpClientResponse> post(String path, Buffer body, String authorization) {
        URI target = baseUrl.orElseThrow().resolve(path);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(target.toString())
                .setIdleTimeout(idleTimeoutMillis)
                .putHeader("Content-Type", "application/json");
        String auth = authorization != null ? authorization : apiKey.map(k -> "Bearer " + k).orElse(null);
        if (auth != null) {
            options.putHeader("Authorization", auth);
        }
        return client.request(options).onItem().transformToUni(request -> request.send(body));
    }

    @PreDestroy
    void close() {
        client.closeAndAwait();
    }
}
