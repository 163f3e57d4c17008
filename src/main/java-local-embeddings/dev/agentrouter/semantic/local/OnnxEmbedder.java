package dev.agentrouter.semantic.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.EmbeddingException;
import dev.agentrouter.semantic.InferenceSettings;
import dev.agentrouter.semantic.Vectors;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * An embedding model that runs in this process on the CPU (ONNX Runtime, tokenizer and weights come from the Maven
 * artifact). The ONNX Runtime session is opened here rather than by the artifact's model class, so that its threads
 * follow {@link InferenceSettings} instead of the host's core count. Texts are embedded on the calling thread; texts
 * longer than the model's 512 tokens are split and the parts' vectors averaged by the library.
 */
public final class OnnxEmbedder implements Embedder {

    /** The models this build can run in-process, by the name {@code router.semantic.model} uses. */
    public enum Model {
        BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", PoolingMode.CLS),
        ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", PoolingMode.MEAN);

        final String id;
        /** As the artifact's own model class pools token vectors. */
        final PoolingMode pooling;

        Model(String id, PoolingMode pooling) {
            this.id = id;
            this.pooling = pooling;
        }

        public String id() {
            return id;
        }

        /** The artifact's resources are named after the model: {@code <id>.onnx} and {@code <id>-tokenizer.json}. */
        String weights() {
            return id + ".onnx";
        }

        String tokenizer() {
            return id + "-tokenizer.json";
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
    private final Encoder encoder;

    /** Entry point for {@code LocalModels}, which finds this class by name (it is absent from native builds). */
    public static Embedder load(String id, InferenceSettings settings) {
        Model model = Model.byId(id);
        if (model == null) {
            throw new IllegalArgumentException("unknown in-process embedding model '" + id + "'; available: "
                    + Arrays.stream(Model.values()).map(Model::id).toList());
        }
        return new OnnxEmbedder(model, settings);
    }

    public OnnxEmbedder(Model model, InferenceSettings settings) {
        this.model = model;
        this.encoder = new Encoder(open(model, settings));
    }

    private static OnnxBertBiEncoder open(Model model, InferenceSettings settings) {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.threads());
            options.addConfigEntry("session.intra_op.allow_spinning", settings.spinning() ? "1" : "0");
            OrtSession session = environment.createSession(resource(model.weights()), options);
            try (InputStream tokenizer = stream(model.tokenizer())) {
                return new OnnxBertBiEncoder(environment, session, tokenizer, model.pooling);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open " + model.id + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + model.tokenizer() + " failed", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name + " failed", e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (the model's artifact is missing)");
        }
        return in;
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
            vectors = encoder.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new EmbeddingException("in-process model " + model.id + " failed: " + e.getMessage(), e);
        }
        float[][] out = new float[vectors.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Vectors.normalised(vectors.get(i).vector());
        }
        return out;
    }

    /** The library's tokenising, chunking and pooling over a session opened with our settings. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder model;

        Encoder(OnnxBertBiEncoder model) {
            super(Runnable::run);
            this.model = model;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return model;
        }
    }
}
