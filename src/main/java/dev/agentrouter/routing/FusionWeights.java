package dev.agentrouter.routing;

/**
 * How lexical and semantic evidence combine into one ranking score: each kind of evidence is standardised over the
 * catalog's agents for the query (a z-score, so BM25 units and cosine units become comparable), then weighted and
 * summed. Fitted by the evaluation harness' {@code FusionFit} on a split of the labelled data.
 */
public record FusionWeights(double lexical, double description, double body, double sections, double examples,
                            double exampleCentroid) {

    public static FusionWeights defaults() {
        return new FusionWeights(1.0, 2.0, 2.0, 1.0, 1.0, 1.0);
    }
}
