package dev.agentrouter.routing;

/**
 * Turns the evidence for the best agent into the probability that it is the right agent: a logistic model over
 * four features —
 * <ul>
 *   <li>{@code evidence}: the best score divided by the prompt's maximum possible score (0-1),</li>
 *   <li>{@code margin}: how far the best score is ahead of the runner-up, on the same scale,</li>
 *   <li>{@code coverage}: the share of the prompt's idf-weighted vocabulary found in the best agent at all,</li>
 *   <li>{@code strength}: the best raw score over the catalog's largest idf (as log(1 + s)): roughly how many rare
 *   words matched, which separates prompts from another domain that share only a word or two with an agent.</li>
 * </ul>
 * The weights are fitted on labelled data, including prompts no agent should take, by the evaluation harness'
 * {@code CalibrationFit}.
 */
public record ConfidenceModel(double bias, double evidenceWeight, double marginWeight, double coverageWeight,
                              double strengthWeight) {

    public double confidence(RouteDecision.Signals s) {
        return 1 / (1 + Math.exp(-logit(s)));
    }

    /** The linear predictor: log-odds that the chosen agent is right. */
    public double logit(RouteDecision.Signals s) {
        return bias + evidenceWeight * s.evidence() + marginWeight * s.margin() + coverageWeight * s.coverage()
                + strengthWeight * Math.log1p(s.strength());
    }
}
