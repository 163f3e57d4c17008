package dev.agentrouter.semantic;

/**
 * Cosine similarities of one query to every agent, by what was compared: the description, the whole body, the best
 * body sections (mean of the top 3), the best example prompts (mean of the top 3; NaN for an agent without examples)
 * and the examples' centroid (NaN likewise); and the scores of the catalog's {@link AgentClassifier} (null when the
 * catalog has fewer than two agents), with the mean number of examples per agent it learned from.
 */
public record Similarities(double[] description, double[] body, double[] sections, double[] examples,
                           double[] exampleCentroid, double[] classifier, double examplesPerAgent) {

    /** The agent's strongest single similarity, for explanations and confidence. */
    public double best(int agent) {
        double best = Math.max(description[agent], Math.max(body[agent], sections[agent]));
        if (!Double.isNaN(examples[agent])) {
            best = Math.max(best, examples[agent]);
        }
        return best;
    }
}
