package dev.agentrouter.api;

import java.util.Arrays;

import io.vertx.core.buffer.Buffer;

/**
 * A request body being collected, in one array that grows with what has arrived. The declared Content-Length only
 * caps the array (so a body that is all there needs no final copy); it never sizes it ahead of the bytes: a client
 * that announces 16 MB and sends one byte costs at most {@link #FIRST_CAPACITY}, not 16 MB.
 */
final class BodyBytes {

    /** The largest array allocated before more than this has arrived: a typical agent request fits in it. */
    static final int FIRST_CAPACITY = 64 * 1024;

    /** The declared length, or {@link Integer#MAX_VALUE} when there is none (chunked). */
    private final int declared;
    private byte[] bytes;
    private int length;

    /** @param declared the Content-Length, at most {@link Integer#MAX_VALUE}, or -1 when there is none */
    BodyBytes(long declared) {
        this.declared = declared < 0 ? Integer.MAX_VALUE : (int) declared;
    }

    int length() {
        return length;
    }

    /** The array's current size: what the body costs in memory so far. */
    int capacity() {
        return bytes == null ? 0 : bytes.length;
    }

    void append(Buffer chunk) {
        int size = chunk.length();
        if (bytes == null) {
            bytes = new byte[Math.max(size, Math.min(declared, FIRST_CAPACITY))];
        } else if (size > bytes.length - length) {
            // double, but not past the declared length (unless the body is longer than it said)
            long doubled = Math.max(length + (long) size, Math.min(declared, 2L * bytes.length));
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, doubled));
        }
        chunk.getBytes(0, size, bytes, length);
        length += size;
    }

    /** The body: the array itself when it is full, else a copy of its bytes; null when nothing arrived. */
    byte[] toArray() {
        return bytes == null || length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }
}
