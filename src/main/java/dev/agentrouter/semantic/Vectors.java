package dev.agentrouter.semantic;

/** Small dense-vector helpers; vectors are float arrays of one model's dimension. */
public final class Vectors {

    private Vectors() {}

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
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
