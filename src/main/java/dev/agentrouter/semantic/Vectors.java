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
