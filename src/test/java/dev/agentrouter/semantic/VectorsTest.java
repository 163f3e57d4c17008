package dev.agentrouter.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void dot2IsBitForBitTwoDots() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 3, 4, 5, 7, 384, 385, 1027}) {
            for (int round = 0; round < 20; round++) {
                float[] q = random(random, length);
                float[] a = random(random, length);
                float[] b = random(random, length);
                long pair = Vectors.dot2(q, a, b);
                assertEquals(Float.floatToRawIntBits(Vectors.dot(q, a)), Float.floatToRawIntBits(Vectors.first(pair)),
                        "length " + length);
                assertEquals(Float.floatToRawIntBits(Vectors.dot(q, b)), Float.floatToRawIntBits(Vectors.second(pair)),
                        "length " + length);
            }
        }
    }

    @Test
    void negativeAndSpecialValuesSurviveThePacking() {
        float[] q = {1, 1, 1, 1, 1};
        long pair = Vectors.dot2(q, new float[] {-1, -2, -3, -4, -5}, new float[] {Float.NaN, 0, 0, 0, 0});
        assertEquals(-15f, Vectors.first(pair));
        assertEquals(Float.NaN, Vectors.second(pair));
    }

    private static float[] random(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
