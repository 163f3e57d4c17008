package dev.agentrouter.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentrouter.catalog.AgentDefinition;

/**
 * Guards the routing accuracy measured by {@link EvaluationHarness} against regressions: each floor sits a little
 * below the figure in README.md. Runs only where ../shared/eval exists (CI); skipped with the path otherwise.
 */
class RoutingAccuracyTest {

    private static EvalData data;

    @BeforeAll
    static void data() {
        data = new EvalData(EvalData.defaultRoot());
    }

    /** Per test, so that each one is reported as skipped, with the reason, in a clone without ../shared. */
    @BeforeEach
    void requireEvalData() {
        assumeTrue(data.exists(), "evaluation data not found at " + data.root() + " (a clone without ../shared)");
    }

    @Test
    void voltAgentZeroShot() throws IOException {
        Evaluation.Report r = Evaluation.defaults().run("zero-shot", EvalData.zeroShot(data.voltAgents()),
                data.voltQueries());
        assertAtLeast(r, 0.61, 0.85);
    }

    @Test
    void voltAgentLeaveOneOut() throws IOException {
        Evaluation.Report r = EvaluationHarness.leaveOneOut(Evaluation.defaults(), data.voltAgents(),
                data.voltQueries());
        assertAtLeast(r, 0.63, 0.86);
    }

    @Test
    void banking77TenShot() throws IOException {
        Evaluation.Report r = Evaluation.defaults().run("banking77", data.bankingAgents(10), data.bankingTest());
        assertAtLeast(r, 0.71, 0.90);
    }

    @Test
    void offTopicPromptsMostlyAbstain() throws IOException {
        List<AgentDefinition> volt = EvalData.zeroShot(data.voltAgents());
        Evaluation.Report r = Evaluation.defaults().run("off-topic", volt, data.bankingTest());
        assertTrue(r.abstained() >= 0.9, r.summary());
    }

    private static void assertAtLeast(Evaluation.Report r, double top1, double top5) {
        System.out.println(r.summary());
        assertTrue(r.top1() >= top1, r.summary());
        assertTrue(r.top5() >= top5, r.summary());
    }
}
