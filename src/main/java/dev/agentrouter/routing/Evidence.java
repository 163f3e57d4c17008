package dev.agentrouter.routing;

import java.util.List;
import java.util.Map;

/**
 * Why an agent scored what it did.
 *
 * @param fieldScores  the score split by the field the matching terms were found in
 * @param matchedTerms query words found in the agent, strongest first
 * @param bestExample  the agent's example prompt closest to the query, or null when none shares a term
 */
public record Evidence(Map<Field, Double> fieldScores, List<TermMatch> matchedTerms, ExampleMatch bestExample) {

    /** No lexical evidence: the agent shares no word with the prompt. */
    public static final Evidence NONE = new Evidence(Map.of(), List.of(), null);

    /** A query word, what it added to the score, and the fields it was found in. */
    public record TermMatch(String term, double contribution, List<String> fields) {}

    /** An example prompt of the agent and the query words it shares. */
    public record ExampleMatch(int index, String prompt, double overlap, List<String> sharedTerms) {}
}
