package dev.agentrouter.routing;

import dev.agentrouter.semantic.Similarities;

/** Combines lexical scores and semantic similarities into one ranking score per agent (see {@link FusionWeights}). */
public final class Fusion {

    private Fusion() {}

    public static double[] fuse(double[] lexical, Similarities s, FusionWeights w) {
        double[] fused = new double[lexical.length];
        addStandardised(fused, lexical, w.lexical());
        addStandardised(fused, s.description(), w.description());
        addStandardised(fused, s.body(), w.body());
        addStandardised(fused, s.sections(), w.sections());
        addStandardised(fused, s.examples(), w.examples());
        addStandardised(fused, s.exampleCentroid(), w.exampleCentroid());
        return fused;
    }

    /**
     * Adds weight × z-score of x over the agents that have a value (NaN: no such evidence, e.g. no examples; it adds
     * 0, the mean). Evidence that does not vary across agents says nothing and adds nothing.
     */
    static void addStandardised(double[] out, double[] x, double weight) {
        if (weight == 0) {
            return;
        }
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (double v : x) {
            if (!Double.isNaN(v)) {
                sum += v;
                sumSquares += v * v;
                n++;
            }
        }
        if (n < 2) {
            return;
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        if (variance <= 1e-12) {
            return;
        }
        double scale = weight / Math.sqrt(variance);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                out[i] += (x[i] - mean) * scale;
            }
        }
    }
}
