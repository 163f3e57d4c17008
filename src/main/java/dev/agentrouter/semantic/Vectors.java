package dev.agentrouter.semantic;

/** Small dense-vector helpers; vectors are float arrays of one model's dimension. */
public final class Vectors {

    private Vectors() {}

    /**
     * The dot product. Four independent sums, because the JIT keeps a single floating-point sum in order (it may not
     * reassociate it) and so runs one multiply-add at a time; scoring a prompt takes thousands of these.
     */
    public static float dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Two dot products of {@code q}, with {@code a} and with {@code b} (same length), in one pass: bit for bit
     * {@link #dot}{@code (q, a)} and {@code dot(q, b)}, each summed in the same order, but with eight independent
     * sums in flight instead of four and each element of {@code q} loaded once. Packed in a long: {@link #first} and
     * {@link #second} unpack them (no allocation).
     */
    public static long dot2(float[] q, float[] a, float[] b) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float b0 = 0;
        float b1 = 0;
        float b2 = 0;
        float b3 = 0;
        int i = 0;
        for (int end = q.length - 3; i < end; i += 4) {
            float q0 = q[i];
            float q1 = q[i + 1];
            float q2 = q[i + 2];
            float q3 = q[i + 3];
            a0 += q0 * a[i];
            a1 += q1 * a[i + 1];
            a2 += q2 * a[i + 2];
            a3 += q3 * a[i + 3];
            b0 += q0 * b[i];
            b1 += q1 * b[i + 1];
            b2 += q2 * b[i + 2];
            b3 += q3 * b[i + 3];
        }
        for (; i < q.length; i++) {
            a0 += q[i] * a[i];
            b0 += q[i] * b[i];
        }
        float da = (a0 + a1) + (a2 + a3);
        float db = (b0 + b1) + (b2 + b3);
        return ((long) Float.floatToRawIntBits(da) << 32) | (Float.floatToRawIntBits(db) & 0xFFFFFFFFL);
    }

    /** The first dot product of a {@link #dot2} result. */
    public static float first(long pair) {
        return Float.intBitsToFloat((int) (pair >>> 32));
    }

    /** The second dot product of a {@link #dot2} result. */
    public static float second(long pair) {
        return Float.intBitsToFloat((int) pair);
    }

    /** The vector scaled to length 1 (a copy); the zero vector stays zero. */
    public static float[] normalised(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = v.clone();
        if (n > 0) {
            float inv = (float) (1 / Math.sqrt(n));
            for (int i = 0; i < out.length; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }
}
