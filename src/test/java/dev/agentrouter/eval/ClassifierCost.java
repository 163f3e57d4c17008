package dev.agentrouter.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.agentrouter.semantic.AgentClassifier;
import dev.agentrouter.semantic.AgentVectors;
import dev.agentrouter.semantic.Vectors;

/** Time to train the catalog classifier on a synthetic catalog: agents × (description, body, 3 examples), 384-d. */
public final class ClassifierCost {
    public static void main(String[] args) {
        Random random = new Random(7);
        for (int agents : new int[] {129, 1032}) {
            List<AgentVectors> catalog = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                float[][] examples = {vector(random), vector(random), vector(random)};
                catalog.add(new AgentVectors(vector(random), vector(random), new float[0][], examples));
            }
            long start = System.nanoTime();
            AgentClassifier.train(catalog, AgentClassifier.Settings.defaults());
            System.out.printf("%d agents: classifier trained in %.1f s%n", agents, (System.nanoTime() - start) / 1e9);
        }
    }

    private static float[] vector(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalised(v);
    }
}
