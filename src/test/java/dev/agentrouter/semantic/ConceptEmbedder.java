package dev.agentrouter.semantic;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deterministic stand-in for an embedding model, for tests: each dimension is a concept, and a text's vector counts
 * the words it contains from that concept's list (plus a small constant so no vector is zero). Paraphrases that share
 * no word but share a concept ("page takes 9 seconds" and "slow rendering") end up close, as with a real model.
 */
public final class ConceptEmbedder implements Embedder {

    static final List<List<String>> CONCEPTS = List.of(
            List.of("slow", "seconds", "latency", "performance", "fast", "speed", "lag", "sluggish"),
            List.of("page", "browser", "button", "css", "react", "ui", "screen", "frontend", "render", "rendering"),
            List.of("database", "sql", "query", "postgres", "index", "table", "schema", "server", "api"),
            List.of("kubernetes", "deploy", "pipeline", "container", "helm", "cluster", "terraform", "pod"),
            List.of("docs", "readme", "tutorial", "guide", "documentation", "write", "wording"),
            List.of("salary", "mortgage", "card", "bank", "payment", "refund", "account"));

    public final AtomicInteger texts = new AtomicInteger();
    public final AtomicInteger calls = new AtomicInteger();
    private final String id;

    public ConceptEmbedder() {
        this("concepts");
    }

    public ConceptEmbedder(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public float[][] embed(List<String> input) {
        calls.incrementAndGet();
        texts.addAndGet(input.size());
        float[][] out = new float[input.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(input.get(i));
        }
        return out;
    }

    public static float[] vector(String text) {
        float[] v = new float[CONCEPTS.size() + 1];
        v[CONCEPTS.size()] = 0.05f;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            for (int c = 0; c < CONCEPTS.size(); c++) {
                if (CONCEPTS.get(c).contains(word)) {
                    v[c] += 1;
                }
            }
        }
        return Vectors.normalised(v);
    }
}
