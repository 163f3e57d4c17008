package dev.agentrouter.semantic;

import java.util.List;

/** Turns texts into unit-length vectors whose dot product measures how close two texts are in meaning. */
public interface Embedder {

    /** Stable name of the model; part of every cache key, so vectors of two models never mix. */
    String id();

    /**
     * One unit-length vector per text, in order.
     *
     * @throws EmbeddingException when the model cannot answer (remote endpoint down, timeout, bad answer)
     */
    float[][] embed(List<String> texts);
}
