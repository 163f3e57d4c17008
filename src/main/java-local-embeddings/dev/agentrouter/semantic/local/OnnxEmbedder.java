package dev.agentrouter.semantic.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.EmbeddingException;
import dev.agentrouter.semantic.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/**
 * An embedding model that runs in this process on the CPU (ONNX Runtime, tokenizer and weights come from the Maven
 * artifact). Texts are embedded on the calling thread; texts longer than the model's 512 tokens are split and the
 * parts' vectors averaged by the library.
 */
public final class OnnxEmbedder implements Embedder {

    /** The models this build can run in-process, by the name {@code router.semantic.model} uses. */
    public enum Model {
        BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", () -> new BgeSmallEnV15QuantizedEmbeddingModel(Runnable::run)),
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", () -> new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run));

        final String id;
        final Supplier<EmbeddingModel> loader;

        Model(String id, Supplier<EmbeddingModel> loader) {
            this.id = id;
            this.loader = loader;
        }

        public String id() {
            return id;
        }

        public static Model byId(String id) {
            for (Model m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            return null;
        }
    }

    private final Model model;
    private final EmbeddingModel onnx;

    /** Entry point for {@code LocalModels}, which finds this class by name (it is absent from native builds). */
    public static Embedder load(String id) {
        Model model = Model.byId(id);
        if (model == null) {
            throw new IllegalArgumentException("unknown in-process embedding model '" + id + "'; available: "
                    + java.util.Arrays.stream(Model.values()).map(Model::id).toList());
        }
        return new OnnxEmbedder(model);
    }

    public OnnxEmbedder(Model model) {
        this.model = model;
        this.onnx = model.loader.get();
    }

    @Override
    public String id() {
        return model.id;
    }

    @Override
    public float[][] embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t.isBlank() ? "." : t));
        }
        List<Embedding> vectors;
        try {
            vectors = onnx.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new EmbeddingException("in-process model " + model.id + " failed: " + e.getMessage(), e);
        }
        float[][] out = new float[vectors.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.normalised(vectors.get(i).vector());
        }
        return out;
    }
}
