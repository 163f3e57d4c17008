package dev.agentrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentrouter.semantic.Similarities;

class SemanticPartsTest {

    private static final Similarities S = new Similarities(new double[] {0.1, 0.2}, new double[] {0.3, 0.4},
            new double[] {0.5, 0.6}, new double[] {0.7, Double.NaN}, new double[] {0.8, Double.NaN}, null, 1);

    @Test
    void theFivePartsInOrder() {
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("description", 0.1);
        expected.put("body", 0.3);
        expected.put("sections", 0.5);
        expected.put("examples", 0.7);
        expected.put("exampleCentroid", 0.8);
        SemanticParts parts = new SemanticParts(S, 0);
        assertEquals(expected, parts);
        assertEquals(expected.hashCode(), parts.hashCode());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(parts.keySet()));
        assertEquals(0.7, parts.get("examples"));
        assertEquals(expected.toString(), parts.toString());
    }

    @Test
    void noExamplesNoExampleParts() {
        assertEquals(Map.of("description", 0.2, "body", 0.4, "sections", 0.6), new SemanticParts(S, 1));
        assertEquals(List.of("description", "body", "sections"), List.copyOf(new SemanticParts(S, 1).keySet()));
    }

    @Test
    void unmodifiable() {
        SemanticParts parts = new SemanticParts(S, 0);
        assertThrows(UnsupportedOperationException.class, () -> parts.put("body", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> parts.entrySet().clear());
    }
}
