package dev.agentrouter.upstream;

import java.util.Arrays;

import io.netty.util.concurrent.FastThreadLocal;

/**
 * The last few large objects and arrays {@link JsonSyntax} accepted twice on this thread, so that the same bytes need
 * not be checked again. An agent sends the same tools, with their JSON schemas, on every turn of a conversation: most
 * of its request's bytes. Comparing bytes is several times cheaper than checking their syntax (the comparison is
 * vectorised).
 * <p>
 * Sound because a well-formed object or array ends at its own closing bracket: if the bytes at a position equal a value
 * that was accepted, the value there is exactly that one, whatever follows. Strings and numbers are not kept.
 * <p>
 * A value is copied only when it is accepted a second time: before that, where it stands in its request body is noted,
 * without a copy. A router serving many clients sees many tools only once: copying each of them made a read of a
 * request with 18 KB of new tools allocate four times what it needs, and made values seen once push out the ones a
 * conversation repeats.
 */
final class CheckedValues {

    /** Smaller values cost less to check than to remember. */
    static final int MIN_LENGTH = 1024;
    /**
     * Larger values are not kept: per thread, the copies stay under SLOTS × MAX_LENGTH, and the bodies held under
     * SLOTS × {@link #MAX_HELD_BODY}.
     */
    static final int MAX_LENGTH = 256 * 1024;
    static final int SLOTS = 4;
    /** Larger request bodies are not held while their value waits for a second sighting: its copy is, instead. */
    static final int MAX_HELD_BODY = 1024 * 1024;

    private static final FastThreadLocal<CheckedValues> PER_THREAD = new FastThreadLocal<>() {
        @Override
        protected CheckedValues initialValue() {
            return new CheckedValues();
        }
    };

    private final byte[][] values = new byte[SLOTS][];
    /** The slot the next value replaces (oldest first). */
    private int next;
    /** Values accepted once: each in the array it was read from (a request body, or a copy of the value). */
    private final byte[][] onceIn = new byte[SLOTS][];
    private final int[] onceFrom = new int[SLOTS];
    private final int[] onceTo = new int[SLOTS];
    private int nextOnce;

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

    /**
     * Notes that {@link JsonSyntax} accepted the value between {@code from} and {@code to}; the second time the same
     * bytes are accepted, they are remembered. Only these bytes, just checked, are ever copied into what is known, so
     * what a noted array holds later decides at most whether they are.
     */
    void remember(byte[] b, int from, int to) {
        int length = to - from;
        if (length < MIN_LENGTH || length > MAX_LENGTH || (b[from] != '{' && b[from] != '[')) {
            return;
        }
        for (int k = 0; k < SLOTS; k++) {
            byte[] once = onceIn[k];
            if (once != null && onceTo[k] - onceFrom[k] == length
                    && Arrays.equals(b, from, to, once, onceFrom[k], onceTo[k])) {
                onceIn[k] = null;
                values[next] = Arrays.copyOfRange(b, from, to);
                next = (next + 1) % SLOTS;
                return;
            }
        }
        if (b.length <= MAX_HELD_BODY) {
            onceIn[nextOnce] = b;
            onceFrom[nextOnce] = from;
            onceTo[nextOnce] = to;
        } else {
            onceIn[nextOnce] = Arrays.copyOfRange(b, from, to);
            onceFrom[nextOnce] = 0;
            onceTo[nextOnce] = length;
        }
        nextOnce = (nextOnce + 1) % SLOTS;
    }
}
