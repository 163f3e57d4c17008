package dev.agentrouter.api;

import dev.agentrouter.upstream.DeadlineSweep;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Reads a request's body into one byte array ({@link BodyBytes}), up to a size limit and with a limit on pauses. What
 * Vert.x Web's {@code BodyHandler} does, within the route's own handler: no second route to match and call, no upload
 * bookkeeping. A client that expects {@code 100 Continue} gets it once the route has accepted the headers. A body that
 * passes the size limit (possible only without a Content-Length, which the route checks first) is refused at once and
 * the rest of it dropped ({@link UnreadBodies}). A body that stops arriving for longer than the pause limit is
 * answered and its connection closed: a stalled client holds neither memory nor a connection for long.
 */
final class LimitedBody extends DeadlineSweep.Entry implements Handler<Buffer> {

    /** What becomes of a body being read; each read ends in at most one of these (none if the client goes away). */
    interface Outcome {
        /** The whole body; null when there is none. */
        void complete(byte[] body);

        /** The body passed the size limit; answer now, the rest is dropped. */
        void tooLarge();

        /** No bytes arrived for the pause limit; answer now, the connection is closed after the answer. */
        void stalled();
    }

    /** How long a stalled request's answer may take to go out before its connection is closed anyway. */
    private static final long CLOSE_GRACE_MS = 1_000;

    private final HttpServerRequest request;
    private final Vertx vertx;
    private final int limit;
    private final long idleMillis;
    private final Outcome outcome;
    private DeadlineSweep sweep;
    /** Null once the read is finished, so that a refused or stalled body is let go at once. */
    private BodyBytes body;
    private boolean finished;

    private LimitedBody(HttpServerRequest request, Vertx vertx, int limit, long expected, long idleMillis,
                        Outcome outcome) {
        this.request = request;
        this.vertx = vertx;
        this.limit = limit;
        this.body = new BodyBytes(expected); // allocates nothing until bytes arrive
        this.idleMillis = idleMillis;
        this.outcome = outcome;
    }

    /**
     * Reads the body of {@code request} and reports how that ended to {@code outcome}. Call it on the request's event
     * loop.
     *
     * @param limit      the most bytes accepted
     * @param expected   the Content-Length the caller has checked against the limit, or -1 when there is none
     * @param idleMillis the longest pause between the headers and the first bytes, or between two chunks
     */
    static void read(HttpServerRequest request, int limit, long expected, long idleMillis, Outcome outcome) {
        if (request.isEnded()) {
            outcome.complete(null);
            return;
        }
        Vertx vertx = Vertx.currentContext().owner();
        LimitedBody reader = new LimitedBody(request, vertx, limit, expected, idleMillis, outcome);
        request.handler(reader);
        request.endHandler(v -> reader.end());
        request.exceptionHandler(failure -> reader.finish()); // the connection is gone: nobody to answer
        if (expectsContinue(request)) {
            request.response().writeContinue(); // or the client waits (curl: a second) before it sends the body
        }
        reader.sweep = DeadlineSweep.ofThisThread(vertx);
        reader.sweep.watch(reader, idleMillis);
        request.resume(); // the server pauses a request until a handler reads it
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        String expect = request.getHeader(HttpHeaderNames.EXPECT);
        return expect != null && HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)
                && request.version() != HttpVersion.HTTP_1_0;
    }

    @Override
    public void handle(Buffer chunk) {
        if (finished) {
            return;
        }
        if (chunk.length() > limit - body.length()) {
            finish();
            outcome.tooLarge();
            UnreadBodies.drop(request);
            return;
        }
        body.append(chunk);
        sweep.watch(this, idleMillis); // moves the deadline: the pause limit counts from the latest chunk
    }

    private void end() {
        if (!finished) {
            byte[] read = body.toArray();
            finish();
            outcome.complete(read);
        }
    }

    @Override
    protected void deadlinePassed(long now) {
        if (finished) {
            return;
        }
        finish();
        outcome.stalled();
        // The rest of a stalled body is not worth waiting for. Close once the answer is out: at once if the outcome
        // wrote it, else (an answer on its way through another layer) after a grace period.
        HttpServerResponse response = request.response();
        if (response.ended()) {
            response.close();
        } else {
            vertx.setTimer(CLOSE_GRACE_MS, id -> response.close());
        }
    }

    private void finish() {
        finished = true;
        body = null;
        DeadlineSweep.unwatch(this);
    }
}
