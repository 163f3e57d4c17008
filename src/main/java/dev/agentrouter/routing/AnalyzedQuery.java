package dev.agentrouter.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query reduced to distinct index terms, each with its summed weight and the word it was first written as. */
public final class AnalyzedQuery {

    private final String[] terms;
    private final String[] surfaces;
    private final double[] weights;

    private AnalyzedQuery(String[] terms, String[] surfaces, double[] weights) {
        this.terms = terms;
        this.surfaces = surfaces;
        this.weights = weights;
    }

    public static AnalyzedQuery of(Query query, TextAnalyzer analyzer) {
        Map<String, Integer> position = new LinkedHashMap<>();
        List<String> surfaces = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Query.Part part : query.parts()) {
            for (TextAnalyzer.Token token : analyzer.tokens(part.text())) {
                Integer at = position.get(token.term());
                if (at == null) {
                    position.put(token.term(), weights.size());
                    surfaces.add(token.surface());
                    weights.add(part.weight());
                } else {
                    weights.set(at, weights.get(at) + part.weight());
                }
            }
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new AnalyzedQuery(position.keySet().toArray(new String[0]), surfaces.toArray(new String[0]), w);
    }

    public int size() {
        return terms.length;
    }

    public boolean isEmpty() {
        return terms.length == 0;
    }

    public String term(int i) {
        return terms[i];
    }

    public String surface(int i) {
        return surfaces[i];
    }

    public double weight(int i) {
        return weights[i];
    }
}
