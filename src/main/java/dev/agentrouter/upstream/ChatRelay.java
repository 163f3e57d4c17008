package dev.agentrouter.upstream;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.config.RouterConfig;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClientResponse;

/**
 * Sends a rewritten chat completion upstream and relays the answer. Streams are passed through chunk by chunk as they
 * arrive (Vert.x back-pressure: the upstream is read only as fast as the client takes it); if the upstream fails after
 * the first chunk, the client gets an explicit SSE {@code error} event and the stream ends without {@code [DONE]},
 * never a clean-looking truncated answer. A client that goes away cancels the upstream request.
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class);

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);

    private final UpstreamClient upstream;
    private final ObjectMapper mapper;
    private final RetryPolicy retries;
    private final UpstreamMetrics metrics;

    public ChatRelay(UpstreamClient upstream, ObjectMapper mapper, RouterConfig config, UpstreamMetrics metrics) {
        this.upstream = upstream;
        this.mapper = mapper;
        RouterConfig.Upstream u = config.upstream();
        this.retries = new RetryPolicy(u.maxRetries(), u.retryBackoff(), u.maxRetryDelay());
        this.metrics = metrics;
    }

    /**
     * @param headers response headers to add (agent, confidence, decision id), sent before the first chunk
     */
    public Uni<Relay> send(String agent, ObjectNode request, boolean stream, String authorization,
                           Map<String, List<String>> headers) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(request);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        long start = System.nanoTime();
        metrics.started();
        return sendWithRetries(Buffer.buffer(body), authorization, 0)
                .invoke(response -> metrics.answered(UpstreamMetrics.statusClass(response.statusCode()),
                        System.nanoTime() - start))
                .onItem().transformToUni(response -> relay(agent, response, stream, headers, start))
                .onFailure().invoke(failure -> metrics.answered("error", System.nanoTime() - start))
                .onFailure().recoverWithItem(failure -> beforeFirstByte(failure, headers))
                .map(relay -> new Relay(relay.status(), relay.headers(),
                        relay.body().onTermination().invoke(metrics::finished)));
    }

    /** Nothing has been sent to the client yet, so connection failures and overload answers are retried. */
    private Uni<HttpClientResponse> sendWithRetries(Buffer body, String authorization, int attempt) {
        return upstream.post("chat/completions", body, authorization)
                .onItemOrFailure().transformToUni((response, failure) -> {
                    boolean retriesLeft = attempt < retries.maxRetries();
                    if (failure != null) {
                        if (retriesLeft && RetryPolicy.isConnectFailure(failure)) {
                            metrics.retried("connect");
                            return Uni.createFrom().voidItem().onItem().delayIt().by(retries.delay(attempt, null))
                                    .chain(() -> sendWithRetries(body, authorization, attempt + 1));
                        }
                        return Uni.createFrom().failure(failure);
                    }
                    if (retriesLeft && RETRYABLE_STATUS.contains(response.statusCode())) {
                        metrics.retried(String.valueOf(response.statusCode()));
                        java.time.Duration delay = retries.delay(attempt, response.getHeader("Retry-After"));
                        // Drain the refused answer so its connection goes back to the pool.
                        return response.body().onFailure().recoverWithNull().replaceWithVoid()
                                .onItem().delayIt().by(delay)
                                .chain(() -> sendWithRetries(body, authorization, attempt + 1));
                    }
                    return Uni.createFrom().item(response);
                });
    }

    private Uni<Relay> relay(String agent, HttpClientResponse response, boolean stream,
                             Map<String, List<String>> headers, long start) {
        int status = response.statusCode();
        if (status >= 200 && status < 300 && stream) {
            return Uni.createFrom().item(new Relay(200, with(headers, "text/event-stream"),
                    streamBody(agent, response, start)));
        }
        return response.body().map(buffer -> {
            if (status >= 500) {
                LOG.warnf("Upstream %s answered %d", upstream.describe(), status);
                return problem(502, "upstream-error", "Upstream error", "the model endpoint " + upstream.describe()
                        + " answered " + status + "; try again later", headers);
            }
            // 2xx, and 4xx (the caller's mistake), pass through with their bodies.
            if (status < 300) {
                recordUsage(agent, buffer.toString());
            }
            String type = response.getHeader("Content-Type");
            return Relay.of(status, with(headers, type == null ? "application/json" : type), buffer.getBytes());
        });
    }

    private Multi<byte[]> streamBody(String agent, HttpClientResponse response, long start) {
        AtomicLong relayed = new AtomicLong();
        return response.toMulti()
                .invoke(chunk -> {
                    if (relayed.get() == 0) {
                        metrics.firstChunk(agent, System.nanoTime() - start);
                    }
                    // Only chunks that mention usage are parsed; the rest pass through untouched.
                    String text = chunk.toString();
                    if (text.contains("\"usage\"")) {
                        text.lines().filter(l -> l.startsWith("data: {")).forEach(l -> recordUsage(agent,
                                l.substring("data: ".length())));
                    }
                })
                .map(Buffer::getBytes)
                .invoke(chunk -> relayed.addAndGet(chunk.length))
                .onCancellation().invoke(() -> {
                    // The client went away: stop the upstream generating (and billing) an answer nobody reads.
                    LOG.debugf("Client cancelled a stream after %d bytes; resetting the upstream request",
                            relayed.get());
                    response.request().reset();
                })
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Upstream %s failed mid-stream after %d bytes: %s", upstream.describe(), relayed.get(),
                            failure.toString());
                    return errorEvent(failure, relayed.get());
                });
    }

    /** Counts the tokens of an OpenAI {@code usage} object, when the JSON has one. */
    private void recordUsage(String agent, String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode usage = mapper.readTree(json).path("usage");
            if (usage.isObject()) {
                metrics.tokens(agent, usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0));
            }
        } catch (Exception e) {
            LOG.debugf("Upstream answer without readable usage: %s", e.getClass().getSimpleName());
        }
    }

    /** The SSE event that tells a streaming client the answer is incomplete. */
    private byte[] errorEvent(Throwable failure, long relayedBytes) {
        ObjectNode error = mapper.createObjectNode();
        error.putObject("error")
                .put("message", "the upstream stream failed after " + relayedBytes + " bytes ("
                        + failure.getClass().getSimpleName() + "); the answer is incomplete")
                .put("type", "upstream_error")
                .put("code", "upstream_stream_interrupted");
        return ("event: error\ndata: " + error + "\n\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Relay beforeFirstByte(Throwable failure, Map<String, List<String>> headers) {
        boolean timeout = failure.getClass().getName().toLowerCase(Locale.ROOT).contains("timeout")
                || String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
        LOG.warnf("Upstream %s call failed: %s", upstream.describe(), failure.toString());
        if (timeout) {
            return problem(504, "upstream-timeout", "Upstream timeout", "the model endpoint " + upstream.describe()
                    + " did not answer in time (router.upstream.idle-timeout)", headers);
        }
        return problem(502, "upstream-unreachable", "Upstream unreachable", "the model endpoint "
                + upstream.describe() + " could not be reached: " + failure.getClass().getSimpleName(), headers);
    }

    private Relay problem(int status, String slug, String title, String detail, Map<String, List<String>> headers) {
        ObjectNode p = mapper.createObjectNode()
                .put("type", "urn:agent-router:problem:" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", "/v1/chat/completions");
        return Relay.of(status, with(headers, "application/problem+json"), p.toString());
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String contentType) {
        Map<String, List<String>> all = new HashMap<>(headers);
        all.put("Content-Type", List.of(contentType));
        return all;
    }
}
