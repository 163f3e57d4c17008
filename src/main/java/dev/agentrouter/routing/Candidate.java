package dev.agentrouter.routing;

import java.util.Map;

/**
 * A ranked agent for one query.
 *
 * @param agent       agent name
 * @param score       ranking score: raw BM25F when routing lexically, the fused z-score when semantic evidence is
 *                    used (comparable within one query only)
 * @param probability share of the softmax over all agents' scores
 * @param evidence    why it scored this way lexically
 * @param semantic    how close in meaning it is to the query, or null when routing was lexical only
 */
public record Candidate(String agent, double score, double probability, Evidence evidence, Semantic semantic) {

    public Candidate(String agent, double score, double probability, Evidence evidence) {
        this(agent, score, probability, evidence, null);
    }

    /**
     * Cosine similarities of the query to the agent.
     *
     * @param similarity the strongest of them
     * @param parts      by what was compared: description, body, sections, examples, exampleCentroid
     */
    public record Semantic(double similarity, Map<String, Double> parts) {}
}
