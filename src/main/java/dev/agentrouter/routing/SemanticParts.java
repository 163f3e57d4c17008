package dev.agentrouter.routing;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.agentrouter.semantic.Similarities;

/**
 * A candidate's similarities by what was compared ({@link Candidate.Semantic#parts}): description, body, sections
 * and, when the agent has examples, examples and exampleCentroid, in that order. An unmodifiable map that keeps the
 * five numbers and builds its entries only when read: a decision lists several candidates, and the chat route reads
 * none of their parts.
 */
final class SemanticParts extends AbstractMap<String, Double> {

    private final double description;
    private final double body;
    private final double sections;
    private final double examples;
    private final double exampleCentroid;
    private volatile Set<Map.Entry<String, Double>> entries;

    SemanticParts(Similarities s, int agent) {
        this.description = s.description()[agent];
        this.body = s.body()[agent];
        this.sections = s.sections()[agent];
        this.examples = s.examples()[agent];
        this.exampleCentroid = s.exampleCentroid()[agent];
    }

    @Override
    public Set<Map.Entry<String, Double>> entrySet() {
        Set<Map.Entry<String, Double>> e = entries;
        if (e == null) {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("description", description);
            parts.put("body", body);
            parts.put("sections", sections);
            if (!Double.isNaN(examples)) {
                parts.put("examples", examples);
                parts.put("exampleCentroid", exampleCentroid);
            }
            e = java.util.Collections.unmodifiableMap(parts).entrySet();
            entries = e;
        }
        return e;
    }
}
