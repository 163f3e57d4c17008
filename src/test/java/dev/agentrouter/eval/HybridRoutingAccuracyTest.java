package dev.agentrouter.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentrouter.semantic.LocalModels;

/**
 * Guards the default (hybrid) routing accuracy in README.md against regressions: each floor sits a little below the
 * measured figure, leaving room for the small float differences int8 inference shows across CPUs. Runs where
 * ../shared/eval exists and the build has the in-process model; embeds the evaluation texts once (about two
 * minutes on 2 cores; cached under target/embedding-cache).
 */
class HybridRoutingAccuracyTest {

    private static EvalData data;
    private static Evaluation hybrid;

    @BeforeAll
    static void data() {
        data = new EvalData(EvalData.defaultRoot());
        if (data.exists() && LocalModels.available()) {
            hybrid = Evaluation.hybridDefaults();
        }
    }

    @BeforeEach
    void requireEvalDataAndModel() {
        assumeTrue(data.exists(), "evaluation data not found at " + data.root() + " (a clone without ../shared)");
        assumeTrue(hybrid != null, "this build has no in-process embedding model");
    }

    @Test
    void voltAgentZeroShot() throws IOException {
        assertAtLeast(hybrid.run("hybrid zero-shot", EvalData.zeroShot(data.voltAgents()), data.voltQueries()),
                0.655, 0.885);
    }

    @Test
    void voltAgentLeaveOneOut() throws IOException {
        assertAtLeast(EvaluationHarness.leaveOneOut(hybrid, data.voltAgents(), data.voltQueries()), 0.66, 0.885);
    }

    @Test
    void banking77TenShot() throws IOException {
        assertAtLeast(hybrid.run("hybrid banking77", data.bankingAgents(10), data.bankingTest()), 0.86, 0.97);
    }

    @Test
    void offTopicPromptsAbstain() throws IOException {
        Evaluation.Report r = hybrid.run("hybrid off-topic", EvalData.zeroShot(data.voltAgents()), data.bankingTest());
        System.out.println(r.summary());
        assertTrue(r.abstained() >= 0.98, r.summary());
    }

    private static void assertAtLeast(Evaluation.Report r, double top1, double top5) {
        System.out.println(r.summary());
        assertTrue(r.top1() >= top1, r.summary());
        assertTrue(r.top5() >= top5, r.summary());
    }
}
