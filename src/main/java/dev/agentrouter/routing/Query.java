package dev.agentrouter.routing;

import java.util.List;

/**
 * What is routed: one or more pieces of text, each with a weight. A single prompt is one part of weight 1; a
 * conversation gives its latest user turn full weight and earlier user turns less.
 */
public record Query(List<Part> parts) {

    public record Part(String text, double weight) {}

    public Query {
        parts = List.copyOf(parts);
    }

    public static Query of(String prompt) {
        return new Query(List.of(new Part(prompt, 1.0)));
    }
}
