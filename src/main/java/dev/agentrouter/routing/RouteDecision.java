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
 */
public record RouteDecision(String agent, double confidence, Outcome outcome, List<Candidate> candidates,
                            String reason) {

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
