package dev.agentrouter.semantic;

import java.lang.reflect.InvocationTargetException;

/**
 * The in-process embedding models, when this build has them. JVM builds do (ONNX Runtime, profile
 * {@code local-embeddings}); native executables are built without them, because ONNX Runtime and the tokenizer load
 * JNI libraries the native image does not carry. The implementation is found by name so that nothing here links to it.
 */
public final class LocalModels {

    public static final String BGE_SMALL = "bge-small-en-v1.5-q";
    public static final String MINILM = "all-minilm-l6-v2-q";

    /**
     * The instruction bge models were trained to put in front of a short search query. Not used by default: on the
     * evaluation data it gained no held-out accuracy and cost 15 % more inference time (README, "Routing
     * accuracy"); set {@code router.semantic.query-prefix} to it to use it.
     */
    public static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private static final String IMPLEMENTATION = "dev.agentrouter.semantic.local.OnnxEmbedder";

    private LocalModels() {}

    public static boolean available() {
        try {
            Class.forName(IMPLEMENTATION, false, LocalModels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loads a model with the default {@link InferenceSettings}. */
    public static Embedder load(String model) {
        return load(model, InferenceSettings.defaults());
    }

    /**
     * Loads a model (reads its weights: about a second).
     *
     * @throws IllegalArgumentException for a model this build does not have
     * @throws IllegalStateException    when this build has no in-process models at all
     */
    public static Embedder load(String model, InferenceSettings settings) {
        if (!available()) {
            throw new IllegalStateException("this build has no in-process embedding models (native executables are"
                    + " built without ONNX Runtime); use router.semantic.provider=remote or none");
        }
        try {
            return (Embedder) Class.forName(IMPLEMENTATION).getMethod("load", String.class, InferenceSettings.class)
                    .invoke(null, model, settings);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("loading embedding model " + model + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("loading embedding model " + model + " failed", e);
        }
    }
}
