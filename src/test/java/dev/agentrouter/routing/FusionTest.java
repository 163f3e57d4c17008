package dev.agentrouter.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.agentrouter.semantic.Similarities;

class FusionTest {

    private static final double[] FLAT = {0.5, 0.5, 0.5};
    private static final double[] NONE = {Double.NaN, Double.NaN, Double.NaN};

    private static Similarities only(double[] body, double[] classifier, double examplesPerAgent) {
        return new Similarities(FLAT, body, FLAT, NONE, NONE, classifier, examplesPerAgent);
    }

    @Test
    void scoresAreAWeightedMeanOfZScores() {
        double[] lexical = {3, 0, 0};          // z: +1.41, -0.71, -0.71
        double[] body = {0.2, 0.8, 0.2};       // z: -0.71, +1.41, -0.71
        FusionWeights w = new FusionWeights(1, 0, 3, 0, 0, 0, 0, 0);
        double[] fused = Fusion.fuse(lexical, only(body, null, 0), w);
        double r = Math.sqrt(2);
        assertArrayEquals(new double[] {(r - 3 / r) / 4, (-1 / r + 3 * r) / 4, (-1 / r - 3 / r) / 4}, fused, 1e-9);
        assertEquals(1, top(fused), "body outweighs lexical three to one");
    }

    @Test
    void evidenceThatDoesNotVaryOrIsMissingIsLeftOutOfTheMean() {
        double[] lexical = {3, 0, 0};
        // FLAT description and sections, NaN examples: only lexical remains, so its z-scores come back unscaled.
        double[] fused = Fusion.fuse(lexical, only(FLAT, null, 0), new FusionWeights(1, 2, 2, 2, 1, 1, 1, 0));
        assertEquals(Math.sqrt(2), fused[0], 1e-9);
    }

    @Test
    void theClassifierWeighsMoreWhenItLearnedFromMoreExamples() {
        double[] lexical = {3, 0, 0};
        double[] classifier = {0, 2, 0};
        FusionWeights w = new FusionWeights(1, 0, 0, 0, 0, 0, 0.5, 0.2);
        assertEquals(0.5, w.classifier(0), 1e-12);
        assertEquals(2.5, w.classifier(10), 1e-12);
        assertEquals(2.5, w.classifier(40), 1e-12, "counted up to ten examples per agent");

        assertEquals(0, top(Fusion.fuse(lexical, only(FLAT, classifier, 0), w)), "zero-shot: lexical leads");
        assertEquals(1, top(Fusion.fuse(lexical, only(FLAT, classifier, 10), w)), "ten-shot: the classifier leads");
    }

    @Test
    void aCatalogWithoutClassifierFusesTheRest() {
        double[] fused = Fusion.fuse(new double[] {0, 1, 0}, only(FLAT, null, 3), FusionWeights.defaults());
        assertTrue(fused[1] > fused[0] && fused[1] > fused[2]);
    }

    private static int top(double[] scores) {
        return Router.topK(scores, 1)[0];
    }
}
