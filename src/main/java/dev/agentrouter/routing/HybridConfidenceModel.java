package dev.agentrouter.routing;

/**
 * Confidence when semantic evidence takes part: a logistic model over
 * <ul>
 *   <li>the lexical confidence's logit (the {@link ConfidenceModel} on the lexically best agent): it separates
 *   prompts from another domain well, because they share few rare words with any agent;</li>
 *   <li>the chosen agent's strongest cosine similarity to the prompt;</li>
 *   <li>its lead in fused score over the runner-up (z units);</li>
 *   <li>agreement: 1 when the lexically best agent is also the chosen one.</li>
 * </ul>
 * Fitted on labelled data, off-topic prompts included, by the evaluation harness' {@code HybridFit}.
 */
public record HybridConfidenceModel(double bias, double lexicalWeight, double similarityWeight,
                                    double fusedMarginWeight, double agreementWeight) {

    public double confidence(double lexicalLogit, double similarity, double fusedMargin, boolean agree) {
        double z = bias + lexicalWeight * lexicalLogit + similarityWeight * similarity
                + fusedMarginWeight * fusedMargin + (agree ? agreementWeight : 0);
        return 1 / (1 + Math.exp(-z));
    }
}
