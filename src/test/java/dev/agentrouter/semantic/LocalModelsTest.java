package dev.agentrouter.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The in-process models (JVM builds; a native-profile build has none and these checks are skipped). */
class LocalModelsTest {

    @Test
    void bgeSmallPutsParaphrasesCloserThanUnrelatedText() {
        assumeTrue(LocalModels.available(), "this build has no in-process embedding models");
        Embedder bge = LocalModels.load(LocalModels.BGE_SMALL);
        float[][] v = bge.embed(List.of(
                "the checkout page takes 9 seconds to appear",
                "Improve web application performance: slow page loads, rendering time, bundle size",
                "Write release notes and tutorials for the documentation site"));
        for (float[] x : v) {
            assertEquals(1.0, Vectors.dot(x, x), 1e-4);
        }
        assertTrue(Vectors.dot(v[0], v[1]) > Vectors.dot(v[0], v[2]) + 0.05,
                "performance " + Vectors.dot(v[0], v[1]) + " vs docs " + Vectors.dot(v[0], v[2]));
    }

    @Test
    void miniLmLoadsToo() {
        assumeTrue(LocalModels.available(), "this build has no in-process embedding models");
        Embedder minilm = LocalModels.load(LocalModels.MINILM);
        assertEquals(LocalModels.MINILM, minilm.id());
        float[][] v = minilm.embed(List.of("hello"));
        assertEquals(1, v.length);
        assertEquals(384, v[0].length);
    }

    @Test
    void theSessionWeOpenGivesTheVectorsOfTheArtifactsOwnModelClass() throws ReflectiveOperationException {
        assumeTrue(LocalModels.available(), "this build has no in-process embedding models");
        String text = LocalModels.BGE_QUERY_INSTRUCTION + "our checkout page takes 9 seconds";
        float[] ours = LocalModels.load(LocalModels.BGE_SMALL, new InferenceSettings(1, false)).embed(List.of(text))[0];
        // The artifact's class, by reflection: native-profile builds compile this test without the artifact.
        Object own = Class.forName("dev.langchain4j.model.embedding.onnx.bgesmallenv15q."
                + "BgeSmallEnV15QuantizedEmbeddingModel").getConstructor().newInstance();
        Object response = own.getClass().getMethod("embed", String.class).invoke(own, text);
        Object embedding = response.getClass().getMethod("content").invoke(response);
        float[] theirs = Vectors.normalised((float[]) embedding.getClass().getMethod("vector").invoke(embedding));
        assertEquals(theirs.length, ours.length);
        assertEquals(1.0, Vectors.dot(ours, theirs), 1e-5);
    }

    @Test
    void vectorsDoNotDependOnTheThreadCountOrSpinning() {
        assumeTrue(LocalModels.available(), "this build has no in-process embedding models");
        List<String> texts = List.of("Design a REST API for payments", "Our Kubernetes pods keep restarting");
        float[][] one = LocalModels.load(LocalModels.MINILM, new InferenceSettings(1, false)).embed(texts);
        float[][] two = LocalModels.load(LocalModels.MINILM, new InferenceSettings(2, true)).embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(1.0, Vectors.dot(one[i], two[i]), 1e-5);
        }
    }

    @Test
    void oneThreadPerInferenceByDefaultAndNeverNone() {
        assertEquals(new InferenceSettings(1, false), InferenceSettings.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InferenceSettings(0, false));
        assertTrue(e.getMessage().contains("router.semantic.local.threads"), e.getMessage());
    }

    @Test
    void anUnknownModelListsTheAvailableOnes() {
        assumeTrue(LocalModels.available(), "this build has no in-process embedding models");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalModels.load("gpt-9"));
        assertTrue(e.getMessage().contains(LocalModels.BGE_SMALL), e.getMessage());
    }
}
