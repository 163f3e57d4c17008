package dev.agentrouter.api;

import io.vertx.core.http.HttpServerRequest;

/**
 * For requests answered before their body was read: the body is read and dropped all the same (up to a bound), as
 * nginx's lingering close does, because a client that sends its whole body before reading the answer would otherwise
 * get a reset connection instead of the answer.
 */
final class UnreadBodies {

    /** The most of a refused request's body read and dropped before its connection is closed instead. */
    static final long MAX_DROPPED_BYTES = 64L * 1024 * 1024;

    private UnreadBodies() {}

    /** Reads and drops what is left of the request's body; call it when answering without the body. */
    static void drop(HttpServerRequest request) {
        if (request.isEnded()) {
            return;
        }
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > MAX_DROPPED_BYTES) {
                request.handler(null);
                request.connection().close();
            }
        });
        request.resume();
    }
}
