package dev.agentrouter.upstream;

import java.util.Arrays;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * The last few large objects and arrays {@link JsonSyntax} accepted on this thread, so that the same bytes need not be
 * checked again. An agent sends the same tools, with their JSON schemas, on every turn of a conversation: most of its
 * request's bytes. Comparing bytes is several times cheaper than checking their syntax (the comparison is vectorised).
 * <p>
 * Sound because a well-formed object or array ends at its own closing bracket: if the bytes at a position equal a value
 * that was accepted, the value there is exactly that one, whatever follows. Strings and numbers are not kept.
 */
final class CheckedValues {

    /** Smaller values cost less to check than to remember. */
    static final int MIN_LENGTH = 1024;
    /** Larger values are not copied: memory per thread stays under SLOTS × MAX_LENGTH. */
    static final int MAX_LENGTH = 256 * 1024;
    static final int SLOTS = 4;

    private static final FastThreadLocal<CheckedValues> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected CheckedValues initialValue() {
            return new CheckedValues();
        }
    };

    private final byte[][] values = new byte[SLOTS][];
    /** The slot the next value replaces (oldest first). */
    private int next;

    /** The calling thread's values (each event loop has its own; no locking). */
    static CheckedValues ofThisThread() {
        return PER_THREAD.get();
    }

    /** The index just after the value at {@code from} when it is one remembered here, else -1. */
    int endOfKnown(byte[] b, int from) {
        for (byte[] v : values) {
            if (v != null && v.length <= b.length - from && b[from] == v[0]
                    && Arrays.equals(b, from, from + v.length, v, 0, v.length)) {
                return from + v.length;
            }
        }
        return -1;
    }

    /** Remembers the value {@link JsonSyntax} accepted between {@code from} and {@code to}, if it is worth it. */
    void remember(byte[] b, int from, int to) {
        int length = to - from;
        if (length < MIN_LENGTH || length > MAX_LENGTH || (b[from] != '{' && b[from] != '[')) {
            return;
        }
        values[next] = Arrays.copyOfRange(b, from, to);
        next = (next + 1) % SLOTS;
    }
}
