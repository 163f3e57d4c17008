package dev.agentrouter.routing;

/**
 * How lexical and semantic evidence combine into one ranking score: each kind of evidence is standardised over the
 * catalog's agents for the query (a z-score, so BM25 units and cosine units become comparable), then weighted and
 * averaged ({@link Fusion}). Fitted by the evaluation harness' {@code HybridFit} on a split of the labelled data.
 *
 * <p>The catalog classifier's weight grows with the examples it learned from: {@code classifier} with none,
 * {@code classifierPerExample} more for each example per agent, up to {@value #CLASSIFIER_EXAMPLES_CAP}.
 */
public record FusionWeights(double lexical, double description, double body, double sections, double examples,
                            double exampleCentroid, double classifier, double classifierPerExample) {

    static final int CLASSIFIER_EXAMPLES_CAP = 10;

    public static FusionWeights defaults() {
        return new FusionWeights(1.0, 2.0, 2.0, 4.0, 0.25, 0.5, 0.25, 0.5);
    }

    /** The classifier's weight for a catalog whose agents have this many examples on average. */
    public double classifier(double examplesPerAgent) {
        return classifier + classifierPerExample * Math.min(examplesPerAgent, CLASSIFIER_EXAMPLES_CAP);
    }
}
