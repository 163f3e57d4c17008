package dev.agentrouter.routing;

/**
 * A ranked agent for one query.
 *
 * @param agent       agent name
 * @param score       raw BM25F score (comparable within one query only)
 * @param probability share of the softmax over all agents' scores
 * @param evidence    why it scored this way
 */
public record Candidate(String agent, double score, double probability, Evidence evidence) {}
