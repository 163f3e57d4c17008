package dev.agentrouter.upstream;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Two real HTTP servers on free ports that answer like OpenAI-compatible endpoints: {@code primary} (configured as
 * {@code router.upstream}, named {@code default}) and {@code backup} ({@code router.upstreams.backup}, tried next).
 * The last user message steers them:
 * <ul>
 * <li>{@code FAIL_MIDSTREAM}: two chunks, then the connection drops; {@code STALL_MIDSTREAM}: two chunks, then
 * silence with the connection open;</li>
 * <li>{@code UPSTREAM_500} (both answer 500), {@code PRIMARY_500} (only the primary), {@code UPSTREAM_400};</li>
 * <li>{@code SLOW}: never answers; {@code SLOW_ANSWER}: a whole answer after 1.5 s (past the 1 s first-byte
 * timeout); {@code SLOW_STREAM}: a chunk every 100 ms for 30 s;</li>
 * <li>{@code RETRY_429...}: the primary answers 429 with Retry-After: 1 to the first call;
 * {@code ALWAYS_503...}: both answer 503.</li>
 * </ul>
 * Streams end with {@code data: [DONE]}. It records the last request it received and counts calls per server and
 * message. Init argument {@code profile=resilience} configures a small circuit breaker and a short total timeout.
 */
public class StubUpstream implements QuarkusTestResourceLifecycleManager {

    public static final AtomicReference<JsonObject> LAST_BODY = new AtomicReference<>();
    public static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    /** Requests received, keyed {@code <server>:<last user message>}. */
    public static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    /** Set when a {@code SLOW_STREAM} request's connection was closed by agent-router before the stream ended. */
    public static final AtomicBoolean SLOW_STREAM_CANCELLED = new AtomicBoolean();

    private Vertx vertx;
    private String profile = "default";

    public static int calls(String server, String message) {
        AtomicInteger n = CALLS.get(server + ":" + message);
        return n == null ? 0 : n.get();
    }

    @Override
    public void init(Map<String, String> initArgs) {
        profile = initArgs.getOrDefault("profile", "default");
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int primary = listen("primary");
        int backup = listen("backup");
        Map<String, String> config = new HashMap<>(Map.of(
                "router.upstream.base-url", "http://127.0.0.1:" + primary + "/v1",
                "router.upstream.api-key", "test-key",
                "router.upstream.first-byte-timeout", "1s",
                "router.upstream.idle-timeout", "2s",
                "router.upstream.retry-backoff", "50ms",
                "router.upstreams.backup.base-url", "http://127.0.0.1:" + backup + "/v1",
                "router.upstreams.backup.api-key", "backup-key",
                "router.proxy.models.sonnet", "stub-sonnet",
                "router.proxy.models.opus", "stub-opus",
                "router.proxy.default-model", "stub-default"));
        config.put("router.api.body-idle-timeout", "1s");
        if (profile.equals("resilience")) {
            config.put("router.upstream.circuit-breaker.failure-threshold", "2");
            config.put("router.upstream.circuit-breaker.open-duration", "1h");
            config.put("router.upstream.total-timeout", "1500ms");
            config.put("router.proxy.on-abstain", "reject");
        } else {
            config.put("router.upstream.circuit-breaker.failure-threshold", "1000");
        }
        return config;
    }

    private int listen(String name) {
        CompletableFuture<HttpServer> started = new CompletableFuture<>();
        vertx.createHttpServer()
                .requestHandler(req -> req.body().onSuccess(b -> handle(name, req, b.toJsonObject())))
                .listen(0, "127.0.0.1")
                .onSuccess(started::complete)
                .onFailure(started::completeExceptionally);
        try {
            return started.get(10, TimeUnit.SECONDS).actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("stub upstream did not start", e);
        }
    }

    private static void answerWhole(HttpServerRequest req, String model) {
        req.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                .put("id", "chatcmpl-stub").put("object", "chat.completion").put("created", 1).put("model", model)
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("finish_reason", "stop")
                        .put("message", new JsonObject().put("role", "assistant").put("content", "Hello from " + model))))
                .put("usage", new JsonObject().put("prompt_tokens", 11).put("completion_tokens", 3)
                        .put("total_tokens", 14))
                .encode());
    }

    private void handle(String server, HttpServerRequest req, JsonObject body) {
        LAST_BODY.set(body);
        LAST_AUTHORIZATION.set(req.getHeader("Authorization"));
        if (!req.path().equals("/v1/chat/completions")) {
            req.response().setStatusCode(404).end();
            return;
        }
        JsonArray messages = body.getJsonArray("messages");
        String last = messages.getJsonObject(messages.size() - 1).getString("content", "");
        int call = CALLS.computeIfAbsent(server + ":" + last, k -> new AtomicInteger()).incrementAndGet();
        boolean primary = server.equals("primary");
        if (primary && last.startsWith("RETRY_429") && call == 1) {
            req.response().setStatusCode(429).putHeader("Retry-After", "1").end("{\"error\": \"slow down\"}");
            return;
        }
        if (last.startsWith("ALWAYS_503")) {
            req.response().setStatusCode(503).end("{\"error\": \"overloaded\"}");
            return;
        }
        if (last.equals("SLOW")) {
            return;
        }
        if (last.contains("UPSTREAM_500") || (primary && last.contains("PRIMARY_500"))) {
            req.response().setStatusCode(500).end("{\"error\": {\"message\": \"boom\"}}");
            return;
        }
        if (last.contains("UPSTREAM_400")) {
            req.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end("{\"error\": {\"message\": \"max_tokens is too large\", \"type\": \"invalid_request_error\"}}");
            return;
        }
        String model = body.getString("model");
        if (!body.getBoolean("stream", false)) {
            if (last.equals("SLOW_ANSWER")) { // a long generation: the headers come with the finished answer
                vertx.setTimer(1500, t -> answerWhole(req, model));
            } else {
                answerWhole(req, model);
            }
            return;
        }
        var res = req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
        if (last.contains("SLOW_STREAM")) {
            // One chunk every 100 ms for 30 s, unless the router hangs up first.
            AtomicInteger sent = new AtomicInteger();
            long timer = vertx.setPeriodic(100, id -> {
                if (sent.incrementAndGet() > 300) {
                    vertx.cancelTimer(id);
                    res.end("data: [DONE]\n\n");
                } else {
                    res.write(chunk(model, "."));
                }
            });
            req.connection().closeHandler(v -> {
                if (vertx.cancelTimer(timer)) {
                    SLOW_STREAM_CANCELLED.set(true);
                }
            });
            return;
        }
        res.write(chunk(model, "Hel"));
        res.write(chunk(model, "lo"));
        if (last.contains("FAIL_MIDSTREAM")) {
            vertx.setTimer(50, t -> req.connection().close());
            return;
        }
        if (last.contains("STALL_MIDSTREAM")) {
            return;
        }
        vertx.setTimer(20, t -> {
            res.write(chunk(model, "!"));
            // As with stream_options.include_usage: a last chunk without choices that carries the usage, split in two
            // writes so that it reaches the router in pieces.
            String usage = "data: " + new JsonObject().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk")
                    .put("choices", new JsonArray()).put("usage", new JsonObject().put("prompt_tokens", 7)
                            .put("completion_tokens", 3).put("total_tokens", 10)).encode() + "\n\n";
            res.write(usage.substring(0, 40));
            vertx.setTimer(10, t2 -> {
                res.write(usage.substring(40));
                res.end("data: [DONE]\n\n");
            });
        });
    }

    private static String chunk(String model, String text) {
        return "data: " + new JsonObject().put("id", "chatcmpl-stub").put("object", "chat.completion.chunk")
                .put("model", model).put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("delta", new JsonObject().put("content", text)))).encode() + "\n\n";
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
