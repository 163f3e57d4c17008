package dev.agentrouter.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AgentClassifierTest {

    private static AgentVectors agent(String description, String body, String... examples) {
        float[][] e = new float[examples.length][];
        for (int i = 0; i < e.length; i++) {
            e[i] = ConceptEmbedder.vector(examples[i]);
        }
        return new AgentVectors(ConceptEmbedder.vector(description), ConceptEmbedder.vector(body), new float[0][], e);
    }

    private static int best(double[] scores) {
        int top = 0;
        for (int a = 1; a < scores.length; a++) {
            if (scores[a] > scores[top]) {
                top = a;
            }
        }
        return top;
    }

    @Test
    void learnsWhichDirectionsTellTheAgentsApart() {
        // Both agents mention servers; only the examples say which one owns slowness and which one owns deploys.
        List<AgentVectors> agents = List.of(
                agent("server api", "server database", "slow query seconds", "latency of the api", "sql is sluggish"),
                agent("server cluster", "server kubernetes", "deploy the pod", "helm chart pipeline",
                        "terraform the cluster"));
        AgentClassifier classifier = AgentClassifier.train(agents, AgentClassifier.Settings.defaults());

        assertEquals(0, best(classifier.logits(ConceptEmbedder.vector("why is it so slow, takes seconds"))));
        assertEquals(1, best(classifier.logits(ConceptEmbedder.vector("roll out a new container"))));
        double[] server = classifier.logits(ConceptEmbedder.vector("server"));
        assertTrue(Math.abs(server[0] - server[1]) < Math.abs(
                        classifier.logits(ConceptEmbedder.vector("helm"))[1]
                                - classifier.logits(ConceptEmbedder.vector("helm"))[0]),
                "a word both agents share separates them less than one only the second owns");
    }

    @Test
    void trainingIsDeterministic() {
        List<AgentVectors> agents = List.of(agent("docs", "write a guide", "fix the readme"),
                agent("bank", "card payment", "refund my card"), agent("ui", "react page", "css button"));
        float[] query = ConceptEmbedder.vector("the readme wording");
        double[] first = AgentClassifier.train(agents, AgentClassifier.Settings.defaults()).logits(query);
        double[] second = AgentClassifier.train(agents, AgentClassifier.Settings.defaults()).logits(query);
        assertEquals(List.of(first[0], first[1], first[2]), List.of(second[0], second[1], second[2]));
        assertEquals(0, best(first));
    }

    @Test
    void aSingleAgentHasNothingToTellApart() {
        assertNull(AgentClassifier.train(List.of(agent("docs", "guide")), AgentClassifier.Settings.defaults()));
        assertNull(AgentClassifier.train(List.of(), AgentClassifier.Settings.defaults()));
    }
}
