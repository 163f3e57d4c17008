package dev.agentrouter.bench;

import java.util.Set;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * BENCHMARK BASELINE, NOT PRODUCT CODE. The smallest HTTP forwarder on the same Vert.x and Netty (epoll) the router
 * runs on: every request's method, path, headers and body go to one upstream, the answer comes back as it arrives
 * (status, headers, body piped with back-pressure). No routing, no JSON, no metrics, no timeouts, no retries. Like
 * the router it has one verticle per event loop (Quarkus' default count, two per core), and each has its own
 * keep-alive pool, so a request and its upstream connection stay on one thread. {@code bench/proxy/run.sh} measures
 * it beside the router: the difference between the two is the router's own code, the difference between it and
 * nginx is the JVM HTTP stack on two hops.
 *
 * <p>Run: {@code java -cp <test classpath> dev.agentrouter.bench.BareForwarder <listen-port> <upstream-port>
 * [event-loops]} (run.sh builds the class path with {@code dependency:build-classpath}).
 */
public final class BareForwarder extends AbstractVerticle {

    /** Hop-by-hop headers (RFC 9110 7.6.1) and the framing ones each hop sets for itself. */
    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
            "transfer-encoding", "upgrade", "host", "content-length");

    private final int listenPort;
    private final int upstreamPort;
    private HttpClient client;

    private BareForwarder(int listenPort, int upstreamPort) {
        this.listenPort = listenPort;
        this.upstreamPort = upstreamPort;
    }

    @Override
    public void start(Promise<Void> started) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(listenPort))
                .requestHandler(this::forward)
                .listen()
                .<Void>mapEmpty()
                .onComplete(started);
    }

    private void forward(HttpServerRequest in) {
        in.body().onSuccess(body -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            copy(in.headers(), headers);
            RequestOptions options = new RequestOptions().setMethod(in.method()).setHost("127.0.0.1")
                    .setPort(upstreamPort).setURI(in.uri()).setHeaders(headers);
            client.request(options)
                    .compose(request -> request.send(body))
                    .onSuccess(response -> {
                        in.response().setStatusCode(response.statusCode());
                        copy(response.headers(), in.response().headers());
                        String length = response.getHeader("content-length");
                        if (length != null) {
                            in.response().putHeader("content-length", length);
                        } else {
                            in.response().setChunked(true);
                        }
                        response.pipeTo(in.response());
                    })
                    .onFailure(failure -> in.response().setStatusCode(502).end());
        });
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(h -> {
            if (!HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                to.add(h.getKey(), h.getValue());
            }
        });
    }

    public static void main(String[] args) {
        int listen = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        int loops = args.length > 2 ? Integer.parseInt(args[2])
                : 2 * Runtime.getRuntime().availableProcessors(); // Quarkus' default event-loop count
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new BareForwarder(listen, upstream), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare forwarder on 127.0.0.1:" + listen + " -> 127.0.0.1:"
                        + upstream + ", " + loops + " event loops, native transport " + vertx.isNativeTransportEnabled()))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
