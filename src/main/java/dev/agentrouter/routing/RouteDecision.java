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
 * @param semantic   whether semantic evidence took part, and if not, why
 */
public record RouteDecision(String agent, double confidence, Outcome outcome, List<Candidate> candidates,
                            String reason, Signals signals, SemanticStatus semantic) {

    public RouteDecision(String agent, double confidence, Outcome outcome, List<Candidate> candidates,
                         String reason, Signals signals) {
        this(agent, confidence, outcome, candidates, reason, signals, SemanticStatus.OFF);
    }

    /**
     * The inputs of the {@link ConfidenceModel}.
     *
     * Lexical signals are those of the lexically best agent.
     *
     * @param evidence best score over the prompt's maximum possible score
     * @param margin   lead of the best score over the runner-up, on the same scale
     * @param coverage share of the prompt's idf-weighted vocabulary found in the best agent
     * @param strength the best raw score in units of the catalog's largest idf: roughly, how many rare words
     *                 matched, whatever the prompt's length and the catalog's size
     * @param similarity   the chosen agent's strongest cosine similarity to the prompt; null when routing lexically
     * @param fusedMargin  the chosen agent's lead in fused score (z units) over the runner-up; null likewise
     * @param lexicalLogit log-odds of the lexical confidence model for the lexically best agent; null likewise
     * @param agreement    whether the lexically best agent is the chosen one; null likewise
     */
    public record Signals(double evidence, double margin, double coverage, double strength, Double similarity,
                          Double fusedMargin, Double lexicalLogit, Boolean agreement) {

        public Signals(double evidence, double margin, double coverage, double strength) {
            this(evidence, margin, coverage, strength, null, null, null, null);
        }
    }

    /**
     * Whether the decision used semantic evidence.
     *
     * @param state  {@code used}; {@code off} (configured off); {@code pending} (the catalog is still being
     *               embedded); {@code unavailable} (the model failed for this prompt)
     * @param model  the embedding model, or null when off
     * @param detail why semantic evidence is missing, or null when used
     */
    public record SemanticStatus(String state, String model, String detail) {
        public static final SemanticStatus OFF = new SemanticStatus("off", null, null);

        public static SemanticStatus used(String model) {
            return new SemanticStatus("used", model, null);
        }

        public boolean used() {
            return "used".equals(state);
        }
    }

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
