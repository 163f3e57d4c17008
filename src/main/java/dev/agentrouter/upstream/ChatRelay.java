package dev.agentrouter.upstream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.config.RouterConfig;
import dev.agentrouter.observability.UpstreamMetrics;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

/**
 * Sends a rewritten chat completion to the upstreams that serve its model and relays the answer to the client's
 * Vert.x response.
 * <ul>
 * <li>Before anything reaches the client: connection failures, 429 (Retry-After honoured) and 502/503/504 are retried
 * on the same upstream with backoff and jitter; other 5xx, timeouts and exhausted retries fail over to the next
 * upstream by priority; an upstream whose circuit is open is skipped.</li>
 * <li>Streams are written chunk by chunk as they arrive, with back-pressure (the upstream is paused while the client's
 * write queue is full) and only peeked at for token usage. A failure after the first byte ends the stream with an
 * explicit {@code event: error} and no {@code [DONE]}.</li>
 * <li>A client that goes away resets the upstream request.</li>
 * </ul>
 * Every callback of one exchange runs on the event loop of the client's request, so its state needs no locking.
 */
@ApplicationScoped
public class ChatRelay {

    private static final Logger LOG = Logger.getLogger(ChatRelay.class);

    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String INSTANCE = "/v1/chat/completions";
    private static final CharSequence UPSTREAM_HEADER = HttpHeaders.createOptimized("X-Agent-Router-Upstream");
    /** Stream data collected in one event-loop turn is written at once beyond this many bytes. */
    private static final int COALESCE_LIMIT = 64 * 1024;

    private final Vertx vertx;
    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final RetryPolicy retries;
    private final UpstreamMetrics metrics;

    public ChatRelay(Vertx vertx, Upstreams upstreams, ObjectMapper mapper, RouterConfig config,
                     UpstreamMetrics metrics) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.mapper = mapper;
        RouterConfig.Upstream u = config.upstream();
        this.retries = new RetryPolicy(u.maxRetries(), u.retryBackoff(), u.maxRetryDelay());
        this.metrics = metrics;
    }

    /**
     * One chat completion to relay.
     *
     * @param agent         the agent's name for metrics, {@code none} when unrouted
     * @param model         the upstream model id (chooses the upstreams)
     * @param body          the rewritten request
     * @param stream        whether the client asked for a stream
     * @param authorization the caller's Authorization to forward, or null to use each upstream's key
     * @param headers       the router's response headers for the client, sent before any body
     */
    public record Call(String agent, String model, Buffer body, boolean stream, String authorization,
                       DecisionHeaders headers) {}

    public void relay(Call call, HttpServerResponse out) {
        List<UpstreamEndpoint> plan = upstreams.serving(call.model());
        if (plan.isEmpty()) {
            problem(out, call.headers(), 503, "no-upstream-for-model", "No upstream serves the model",
                    "no configured upstream serves model '" + call.model() + "'; add it to the models of an upstream"
                            + " (router.upstreams.<name>.models) or leave one upstream's models unset");
            return;
        }
        new Exchange(call, plan, out).start();
    }

    /** Why an upstream attempt did not produce an answer for the client. */
    private enum Failure { UNREACHABLE, TIMEOUT, BAD_STATUS, CIRCUIT_OPEN, BROKEN }

    /** State of one client request across attempts, retries and failovers. */
    private final class Exchange {
        private final Call call;
        private final List<UpstreamEndpoint> plan;
        private final HttpServerResponse out;
        private final long start = System.nanoTime();
        private int index;
        private int retry;
        private Attempt current;
        private boolean committed;
        private boolean done;
        private boolean clientGone;
        private Failure lastFailure;
        private String lastDetail;
        private UpstreamEndpoint lastUpstream;

        Exchange(Call call, List<UpstreamEndpoint> plan, HttpServerResponse out) {
            this.call = call;
            this.plan = plan;
            this.out = out;
        }

        void start() {
            out.closeHandler(v -> clientClosed());
            attempt();
        }

        /** Tries the current upstream, skipping those whose circuit is open. */
        private void attempt() {
            while (index < plan.size()) {
                UpstreamEndpoint u = plan.get(index);
                if (u.breaker().tryAcquire()) {
                    current = new Attempt(this, u);
                    current.send();
                    return;
                }
                failed(u, Failure.CIRCUIT_OPEN, "its circuit breaker is open after repeated failures");
                metrics.failedOver(u.name(), "circuit_open");
                index++;
                retry = 0;
            }
            giveUp();
        }

        private void failed(UpstreamEndpoint u, Failure failure, String detail) {
            lastUpstream = u;
            lastFailure = failure;
            lastDetail = detail;
        }

        /** The attempt failed before anything reached the client: retry the same upstream, or fail over. */
        void retryOrFailOver(UpstreamEndpoint u, Failure failure, String detail, boolean retryable, String reason,
                             String retryAfter) {
            failed(u, failure, detail);
            if (clientGone || done) {
                return;
            }
            if (retryable && retry < retries.maxRetries()) {
                Duration delay = retries.delay(retry, retryAfter);
                retry++;
                metrics.retried(u.name(), reason);
                LOG.debugf("Retrying upstream %s in %d ms (%s)", u.name(), delay.toMillis(), reason);
                vertx.setTimer(Math.max(1, delay.toMillis()), t -> {
                    if (!clientGone && !done) {
                        attempt();
                    }
                });
                return;
            }
            if (index + 1 < plan.size()) {
                metrics.failedOver(u.name(), reason);
                LOG.warnf("Upstream %s failed (%s); failing over to %s", u.describe(), reason,
                        plan.get(index + 1).name());
            }
            index++;
            retry = 0;
            attempt();
        }

        /** Every upstream was tried (or skipped): tell the client which one failed last, and how. */
        private void giveUp() {
            String who = lastUpstream == null ? "the upstream" : "upstream " + lastUpstream.describe();
            LOG.warnf("Chat completion failed: %s %s", who, lastDetail);
            switch (lastFailure == null ? Failure.UNREACHABLE : lastFailure) {
                case TIMEOUT:
                    problem(504, "upstream-timeout", "Upstream timeout", who + " " + lastDetail
                            + (plan.size() > 1 ? " (after trying " + plan.size() + " upstreams)" : ""));
                    break;
                case CIRCUIT_OPEN:
                    out.putHeader("Retry-After", "5");
                    problem(503, "upstream-unavailable", "Upstream unavailable",
                            who + ": " + lastDetail + "; try again later");
                    break;
                default:
                    problem(502, "upstream-error", "Upstream error", who + " " + lastDetail
                            + (plan.size() > 1 ? " (after trying " + plan.size() + " upstreams)" : "")
                            + "; try again later");
            }
        }

        private void problem(int status, String slug, String title, String detail) {
            done = true;
            if (!clientGone) {
                ChatRelay.this.problem(out, call.headers(), status, slug, title, detail);
            }
        }

        /** Response headers for the client: the router's own plus the content type. */
        void head(int status, String contentType, UpstreamEndpoint u) {
            if (status != 200) {
                out.setStatusCode(status); // 200 is the response's default
            }
            call.headers().addTo(out);
            out.putHeader(UPSTREAM_HEADER, u.name());
            out.putHeader(HttpHeaderNames.CONTENT_TYPE, contentType);
        }

        void clientClosed() {
            if (done) {
                return;
            }
            clientGone = true;
            done = true;
            if (current != null) {
                current.cancel();
            }
        }
    }

    /**
     * One request to one upstream. It has one deadline at a time, in its event loop's {@link DeadlineSweep}: for a
     * stream the first-byte deadline, then the total one, and the idle deadline while it is nearer; for a whole answer
     * the total one.
     */
    private final class Attempt extends DeadlineSweep.Entry {
        private final Exchange x;
        private final UpstreamEndpoint u;
        private final long sent = System.nanoTime();
        private HttpClientRequest request;
        private boolean headersReceived;
        /** Relaying a stream (not a whole answer, which a 4xx to a stream request also is). */
        private boolean streaming;
        /** When the stream's headers or its latest chunk arrived (System.nanoTime); read when a deadline passes. */
        private long lastData;
        /** No further callback of this attempt may act (it timed out, was cancelled, or finished). */
        private boolean over;
        private boolean breakerReported;
        private boolean released;
        private long relayed;
        /** Stream data received and not yet written (see {@link #stream}); {@code owned}: a buffer of ours. */
        private Buffer pending;
        private boolean owned;
        private boolean flushScheduled;
        private Context context;

        Attempt(Exchange x, UpstreamEndpoint u) {
            this.x = x;
            this.u = u;
        }

        void send() {
            u.inFlight().incrementAndGet();
            UpstreamEndpoint.Timeouts t = u.timeouts();
            long headersDeadline = waitsForFirstByte() ? Math.min(t.firstByte().toMillis(), t.total().toMillis())
                    : t.total().toMillis();
            deadlineIn(headersDeadline);
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost(u.host())
                    .setPort(u.port())
                    .setSsl(u.ssl())
                    .setURI(u.path())
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaderNames.ACCEPT, x.call.stream() ? "text/event-stream" : "application/json");
            String auth = x.call.authorization() != null ? x.call.authorization() : u.authorization();
            if (auth != null) {
                options.putHeader(HttpHeaderNames.AUTHORIZATION, auth);
            }
            u.client().request(options).onComplete(ar -> {
                if (ar.failed()) {
                    requestFailed(ar.cause());
                    return;
                }
                request = ar.result();
                if (over) {
                    request.reset();
                    return;
                }
                request.send(x.call.body()).onComplete(sent -> {
                    if (sent.failed()) {
                        requestFailed(sent.cause());
                    } else {
                        answered(sent.result());
                    }
                });
            });
        }

        /**
         * Whether the first-byte deadline applies: to streams, whose headers come before the first token. A whole
         * answer's headers come with the finished answer, so under that deadline a long generation would look like a
         * dead upstream (and be sent again to the next one); its wait is bounded by the total deadline only.
         */
        private boolean waitsForFirstByte() {
            return x.call.stream() && u.timeouts().firstByte().compareTo(u.timeouts().total()) < 0;
        }

        private void requestFailed(Throwable failure) {
            if (over) {
                return;
            }
            boolean connect = RetryPolicy.isConnectFailure(failure);
            boolean timeout = isTimeout(failure);
            metrics.answered(u.name(), "error", System.nanoTime() - sent);
            finish(Outcome.FAILURE);
            if (timeout && !connect) {
                x.retryOrFailOver(u, Failure.TIMEOUT, "timed out before answering ("
                        + failure.getClass().getSimpleName() + ")", false, "timeout", null);
            } else {
                x.retryOrFailOver(u, Failure.UNREACHABLE, connect ? "could not be reached ("
                                + failure.getClass().getSimpleName() + ")" : "dropped the connection before answering ("
                                + failure.getClass().getSimpleName() + ")", connect,
                        connect ? "connect" : "connection", null);
            }
        }

        /**
         * A deadline passed: before a stream's headers, the first-byte one (or the total one, if that is nearer);
         * otherwise the total one, or for a stream possibly the idle one (Vert.x's request idle timeout stops at the
         * headers, so the relay keeps its own; a chunk only notes the time, the deadline checks it).
         */
        @Override
        protected void deadlinePassed(long now) {
            UpstreamEndpoint.Timeouts t = u.timeouts();
            long remaining = t.total().toMillis() - (now - sent) / 1_000_000;
            if (!headersReceived && waitsForFirstByte()) {
                timedOut("did not answer within " + t.firstByte().toMillis() + " ms (first-byte-timeout)");
            } else if (remaining <= 1) {
                timedOut("did not finish within " + t.total().toMillis() + " ms (total-timeout)");
            } else if (streaming) {
                long silent = (now - lastData) / 1_000_000;
                if (silent >= t.idle().toMillis()) {
                    timedOut("went silent for longer than " + t.idle().toMillis() + " ms (idle-timeout)");
                } else {
                    deadlineIn(Math.min(remaining, t.idle().toMillis() - silent));
                }
            } else {
                deadlineIn(remaining);
            }
        }

        private void timedOut(String detail) {
            if (over) {
                return;
            }
            if (x.committed) {
                streamFailed("the upstream " + detail, "upstream_timeout");
                return;
            }
            metrics.answered(u.name(), "timeout", System.nanoTime() - sent);
            finish(Outcome.FAILURE); // first: resetting fails the request's futures synchronously
            if (request != null) {
                request.reset(); // stop the upstream working on an answer nobody will wait for
            }
            x.retryOrFailOver(u, Failure.TIMEOUT, detail, false, "timeout", null);
        }

        private void answered(HttpClientResponse response) {
            if (over) {
                response.request().reset();
                return;
            }
            headersReceived = true; // the pending deadline, when it passes, turns into the total one
            int status = response.statusCode();
            metrics.answered(u.name(), UpstreamMetrics.statusClass(status), System.nanoTime() - sent);
            if (status >= 200 && status < 300) {
                report(Outcome.SUCCESS);
                if (x.call.stream()) {
                    stream(response);
                } else {
                    whole(response, status);
                }
                return;
            }
            boolean moreUpstreams = x.index + 1 < x.plan.size();
            boolean retriesLeft = x.retry < retries.maxRetries();
            if (status >= 500 || (status == 429 && (retriesLeft || moreUpstreams))) {
                // Refused: drain the answer so the connection returns to the pool, then retry or fail over.
                finishAfterDrain(response, status >= 500 ? Outcome.FAILURE : Outcome.NEUTRAL);
                x.retryOrFailOver(u, Failure.BAD_STATUS, "answered " + status, RETRYABLE_STATUS.contains(status),
                        String.valueOf(status), response.getHeader(HttpHeaderNames.RETRY_AFTER));
                return;
            }
            // A 4xx is the caller's to see: passed through with its body. The upstream itself is healthy.
            report(status == 429 ? Outcome.NEUTRAL : Outcome.SUCCESS);
            whole(response, status);
        }

        /** A non-streamed answer (or a 4xx): read whole, then sent with its length. */
        private void whole(HttpClientResponse response, int status) {
            response.body().onComplete(ar -> {
                if (over) {
                    return;
                }
                if (ar.failed()) {
                    metrics.answered(u.name(), "error", System.nanoTime() - sent);
                    boolean timeout = isTimeout(ar.cause());
                    finish(Outcome.FAILURE);
                    x.retryOrFailOver(u, timeout ? Failure.TIMEOUT : Failure.BROKEN, (timeout ? "went silent"
                            : "broke off") + " while sending its answer (" + ar.cause().getClass().getSimpleName()
                            + ")", false, timeout ? "timeout" : "broken", null);
                    return;
                }
                Buffer body = ar.result();
                if (status < 300) {
                    SseUsageScanner.read(mapper, body).ifPresent(usage ->
                            metrics.tokens(x.call.agent(), usage.input(), usage.output()));
                }
                finish(Outcome.SUCCESS);
                x.done = true;
                if (x.clientGone) {
                    return;
                }
                String type = response.getHeader(HttpHeaderNames.CONTENT_TYPE);
                x.head(status, type == null ? "application/json" : type, u);
                out().end(body);
            });
        }

        /**
         * Relays a stream as it arrives; the headers go out at once, before the first chunk. What arrives in one turn
         * of the event loop (often the headers, several chunks and the end together) leaves in one write, as nginx
         * does: on loopback or a fast network every write is a system call and a wake-up of the reader, so writing
         * each chunk separately cost more than the rest of the relay.
         */
        private void stream(HttpClientResponse response) {
            x.committed = true;
            streaming = true;
            lastData = System.nanoTime();
            if (u.timeouts().idle().compareTo(u.timeouts().firstByte()) < 0) {
                deadlineIn(u.timeouts().idle().toMillis()); // the idle deadline is nearer than the pending one
            }
            HttpServerResponse out = out();
            String type = response.getHeader(HttpHeaderNames.CONTENT_TYPE);
            x.head(response.statusCode(), type == null ? "text/event-stream" : type, u);
            out.putHeader(HttpHeaderNames.CACHE_CONTROL, "no-cache");
            out.putHeader("X-Accel-Buffering", "no");
            out.setChunked(true);
            SseUsageScanner usage = new SseUsageScanner(mapper, n -> metrics.tokens(x.call.agent(), n.input(),
                    n.output()));
            context = vertx.getOrCreateContext();
            flushSoon(response);
            response.handler(chunk -> {
                if (over) {
                    return;
                }
                if (relayed == 0) {
                    metrics.firstChunk(x.call.agent(), System.nanoTime() - x.start);
                }
                relayed += chunk.length();
                lastData = System.nanoTime();
                usage.feed(chunk);
                if (pending == null) {
                    pending = chunk;
                } else if (owned) {
                    pending.appendBuffer(chunk);
                } else { // the first chunk stays untouched: a copy collects the rest
                    pending = Buffer.buffer(2 * (pending.length() + chunk.length())).appendBuffer(pending)
                            .appendBuffer(chunk);
                    owned = true;
                }
                if (pending.length() >= COALESCE_LIMIT) {
                    flush(response);
                } else {
                    flushSoon(response);
                }
            });
            response.exceptionHandler(failure -> streamFailed("the upstream stream failed ("
                    + failure.getClass().getSimpleName() + ")", isTimeout(failure) ? "upstream_timeout"
                    : "upstream_stream_interrupted"));
            response.endHandler(v -> {
                if (over) {
                    return;
                }
                finish(Outcome.SUCCESS);
                x.done = true;
                if (!x.clientGone) {
                    Buffer last = takePending();
                    if (last == null) {
                        out.end();
                    } else {
                        out.end(last);
                    }
                }
            });
        }

        /** Writes what is pending (the headers first, if they have not gone yet) once this turn's reads are done. */
        private void flushSoon(HttpClientResponse response) {
            if (!flushScheduled) {
                flushScheduled = true;
                context.runOnContext(v -> {
                    flushScheduled = false;
                    flush(response);
                });
            }
        }

        private void flush(HttpClientResponse response) {
            if (over || x.clientGone) {
                return;
            }
            HttpServerResponse out = out();
            Buffer chunk = takePending();
            if (chunk != null) {
                out.write(chunk);
            } else if (!out.headWritten()) {
                out.writeHead();
            }
            if (out.writeQueueFull()) {
                response.pause();
                out.drainHandler(v -> response.resume());
            }
        }

        private Buffer takePending() {
            Buffer chunk = pending;
            pending = null;
            owned = false;
            return chunk;
        }

        /** After the first byte nothing can be retried: the client is told, and the stream visibly ends. */
        private void streamFailed(String detail, String code) {
            if (over) {
                return;
            }
            LOG.warnf("Upstream %s: stream failed after %d bytes: %s", u.describe(), relayed, detail);
            finish(Outcome.FAILURE);
            if (request != null) {
                request.reset();
            }
            x.done = true;
            if (x.clientGone) {
                return;
            }
            ObjectNode error = mapper.createObjectNode();
            error.putObject("error")
                    .put("message", detail + " after " + relayed + " bytes from upstream " + u.name()
                            + "; the answer is incomplete")
                    .put("type", "upstream_error")
                    .put("code", code);
            Buffer event = Buffer.buffer("event: error\ndata: " + error + "\n\n");
            Buffer before = takePending(); // what arrived before the failure still goes first
            out().end(before == null ? event : Buffer.buffer().appendBuffer(before).appendBuffer(event));
        }

        void cancel() {
            if (over) {
                return;
            }
            LOG.debugf("Client went away after %d bytes; resetting the request to upstream %s", relayed, u.name());
            finish(Outcome.NEUTRAL);
            if (request != null) {
                request.reset();
            }
        }

        private HttpServerResponse out() {
            return x.out;
        }

        private void finishAfterDrain(HttpClientResponse response, Outcome outcome) {
            finish(outcome);
            response.body().onFailure(ignored -> { });
        }

        /** Ends this attempt once: timers cancelled, in-flight released, breaker told (if not yet). */
        private void finish(Outcome outcome) {
            over = true;
            DeadlineSweep.unwatch(this);
            report(outcome);
            if (!released) {
                released = true;
                u.inFlight().decrementAndGet();
            }
        }

        private void report(Outcome outcome) {
            if (breakerReported) {
                if (outcome == Outcome.FAILURE) {
                    // Failed after a good start (mid-stream): still counts against the upstream.
                    u.breaker().onFailure();
                }
                return;
            }
            breakerReported = true;
            switch (outcome) {
                case SUCCESS -> u.breaker().onSuccess();
                case FAILURE -> u.breaker().onFailure();
                default -> u.breaker().onNeutral();
            }
        }

        /** Replaces the pending deadline with one {@code millis} from now (which re-checks every deadline). */
        private void deadlineIn(long millis) {
            // each event loop's deadlines are swept together; the relay's callbacks run on the client's loop
            DeadlineSweep.ofThisThread(vertx).watch(this, Math.max(1, millis));
        }
    }

    private enum Outcome { SUCCESS, FAILURE, NEUTRAL }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private void problem(HttpServerResponse out, DecisionHeaders headers, int status, String slug, String title,
                         String detail) {
        ObjectNode p = mapper.createObjectNode()
                .put("type", "urn:agent-router:problem:" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", INSTANCE);
        out.setStatusCode(status);
        headers.addTo(out);
        out.putHeader(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON);
        out.end(Buffer.buffer(p.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
