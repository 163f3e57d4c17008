package dev.agentrouter.routing;

import java.util.List;

/**
 * The router's answer for one query.
 *
 * @param agent      chosen agent, or null when the router abstained
 * @param confidence confidence in the best candidate, in [0, 1]
 * @param outcome    whether the agent was chosen on its merits, is the fallback, or nothing was chosen
 * @param candidates best-ranked agents with their evidence, best first
 * @param reason     one sentence a human can read
 * @param signals    what the confidence was computed from, or null when nothing was scored
 */
public record RouteDecision(String agent, double confidence, Outcome outcome, List<Candidate> candidates,
                            String reason, Signals signals) {

    /**
     * The inputs of the {@link ConfidenceModel}.
     *
     * @param evidence best score over the prompt's maximum possible score
     * @param margin   lead of the best score over the runner-up, on the same scale
     * @param coverage share of the prompt's idf-weighted vocabulary found in the best agent
     * @param strength the best raw score in units of the catalog's largest idf: roughly, how many rare words
     *                 matched, whatever the prompt's length and the catalog's size
     */
    public record Signals(double evidence, double margin, double coverage, double strength) {}

    public enum Outcome {
        ROUTED, FALLBACK, ABSTAINED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RouteDecision {
        candidates = List.copyOf(candidates);
    }
}
