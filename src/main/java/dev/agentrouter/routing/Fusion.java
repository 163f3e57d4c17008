package dev.agentrouter.routing;

import dev.agentrouter.semantic.Similarities;

/** Combines lexical scores and semantic similarities into one ranking score per agent (see {@link FusionWeights}). */
public final class Fusion {

    private Fusion() {}

    /**
     * The weighted mean of the evidence's z-scores per agent: divided by the weights of the evidence present, so that
     * a fused lead means the same (z units) in a catalog with examples and one without.
     */
    public static double[] fuse(double[] lexical, Similarities s, FusionWeights w) {
        double[] fused = new double[lexical.length];
        double total = addStandardised(fused, lexical, w.lexical())
                + addStandardised(fused, s.description(), w.description())
                + addStandardised(fused, s.body(), w.body())
                + addStandardised(fused, s.sections(), w.sections())
                + addStandardised(fused, s.examples(), w.examples())
                + addStandardised(fused, s.exampleCentroid(), w.exampleCentroid());
        if (s.classifier() != null) {
            total += addStandardised(fused, s.classifier(), w.classifier(s.examplesPerAgent()));
        }
        if (total > 0) {
            for (int i = 0; i < fused.length; i++) {
                fused[i] /= total;
            }
        }
        return fused;
    }

    /**
     * Adds weight × z-score of x over the agents that have a value (NaN: no such evidence, e.g. no examples; it adds
     * 0, the mean). Evidence that does not vary across agents says nothing and adds nothing.
     *
     * @return the weight applied (0 when the evidence was left out)
     */
    static double addStandardised(double[] out, double[] x, double weight) {
        if (weight == 0) {
            return 0;
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
            return 0;
        }
        double mean = sum / n;
        double variance = sumSquares / n - mean * mean;
        if (variance <= 1e-12) {
            return 0;
        }
        double scale = weight / Math.sqrt(variance);
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                out[i] += (x[i] - mean) * scale;
            }
        }
        return weight;
    }
}
