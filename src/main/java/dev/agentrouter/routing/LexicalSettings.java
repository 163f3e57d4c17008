package dev.agentrouter.routing;

import java.util.EnumMap;
import java.util.Map;

/**
 * Parameters of the BM25F scorer.
 *
 * @param k1      term-frequency saturation
 * @param weights per-field weight of a term occurrence
 * @param b       per-field length normalisation (0 = none, 1 = full)
 * @param exampleWeight weight of the best single example's BM25 score, added to the agent's BM25F score (0 = off):
 *                      a prompt close to one example is strong evidence even when the agent's other text is long
 */
public record LexicalSettings(double k1, Map<Field, Double> weights, Map<Field, Double> b, double exampleWeight) {

    public LexicalSettings {
        weights = new EnumMap<>(weights);
        b = new EnumMap<>(b);
        for (Field f : Field.values()) {
            if (!weights.containsKey(f) || !b.containsKey(f)) {
                throw new IllegalArgumentException("weight and b are required for field " + f.key());
            }
        }
    }

    public static LexicalSettings defaults() {
        return new LexicalSettings(3.0,
                Map.of(Field.NAME, 1.0, Field.DESCRIPTION, 2.0, Field.EXAMPLES, 1.5, Field.BODY, 1.0),
                Map.of(Field.NAME, 0.3, Field.DESCRIPTION, 0.75, Field.EXAMPLES, 0.5, Field.BODY, 0.4), 0.0);
    }

    public double weight(Field f) {
        return weights.get(f);
    }

    public double b(Field f) {
        return b.get(f);
    }
}
