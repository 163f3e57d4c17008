package dev.agentrouter.api;

import java.util.function.Consumer;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Reads a request's body into one byte array ({@link BodyBytes}), up to a limit. What Vert.x Web's {@code BodyHandler} does for the chat
 * route, within the route's own handler: no second route to match and call, no upload bookkeeping. A client that
 * expects {@code 100 Continue} gets it once the route has accepted the headers. A body that passes the limit
 * (possible only without a Content-Length, which the route checks first) is refused at once and the rest of it
 * dropped ({@link UnreadBodies}).
 */
final class LimitedBody implements Handler<Buffer> {

    private final HttpServerRequest request;
    private final int limit;
    /** The declared Content-Length (at most the limit: the route checked it), or -1. */
    private final long expected;
    private final Consumer<byte[]> complete;
    private final Runnable tooLarge;
    private BodyBytes body;
    private boolean refused;

    private LimitedBody(HttpServerRequest request, int limit, long expected, Consumer<byte[]> complete,
                        Runnable tooLarge) {
        this.request = request;
        this.limit = limit;
        this.expected = expected;
        this.complete = complete;
        this.tooLarge = tooLarge;
    }

    /**
     * Reads the body of {@code request}, then calls {@code complete} with it (null when there is none), or
     * {@code tooLarge} once it has more than {@code limit} bytes. A client that goes away mid-body gets neither.
     *
     * @param expected the Content-Length the caller has checked against the limit, or -1 when there is none
     */
    static void read(HttpServerRequest request, int limit, long expected, Consumer<byte[]> complete,
                     Runnable tooLarge) {
        if (request.isEnded()) {
            complete.accept(null);
            return;
        }
        LimitedBody reader = new LimitedBody(request, limit, expected, complete, tooLarge);
        request.handler(reader);
        request.endHandler(v -> reader.end());
        request.exceptionHandler(failure -> reader.refused = true); // the connection is gone: nobody to answer
        if (expectsContinue(request)) {
            request.response().writeContinue(); // or the client waits (curl: a second) before it sends the body
        }
        request.resume(); // the server pauses a request until a handler reads it
    }

    private static boolean expectsContinue(HttpServerRequest request) {
        String expect = request.getHeader(HttpHeaderNames.EXPECT);
        return expect != null && HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect)
                && request.version() != HttpVersion.HTTP_1_0;
    }

    @Override
    public void handle(Buffer chunk) {
        if (refused) {
            return;
        }
        if (body == null) {
            body = new BodyBytes(expected);
        }
        if (chunk.length() > limit - body.length()) {
            refused = true;
            body = null;
            tooLarge.run();
            UnreadBodies.drop(request);
            return;
        }
        body.append(chunk);
    }

    private void end() {
        if (!refused) {
            complete.accept(body == null ? null : body.toArray());
        }
    }
}
