package dev.agentrouter.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.semantic.LocalModels;

/**
 * Scores the router on ../shared/eval with the protocols of its README and prints top-1/top-5 accuracy, abstention,
 * the most-confused agent pairs and a confidence-threshold sweep.
 *
 * <p>Run: {@code ./mvnw -q -Peval test-compile exec:java} (default configuration: hybrid), add
 * {@code -Deval.args=--lexical} for lexical routing alone. Arguments: {@code --eval-dir <dir>}.
 */
public final class EvaluationHarness {

    private static final double[] THRESHOLDS = {0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6};

    private EvaluationHarness() {}

    public static void main(String[] args) throws IOException {
        Path dir = EvalData.defaultRoot();
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--eval-dir")) {
                dir = Path.of(args[i + 1]).toAbsolutePath().normalize();
            }
        }
        EvalData data = new EvalData(dir);
        if (!data.exists()) {
            System.err.println("No evaluation data at " + dir + " (expected agents/voltagent inside); nothing to do.");
            System.exit(2);
        }
        boolean lexicalOnly = List.of(args).contains("--lexical") || !LocalModels.available();
        Evaluation eval = lexicalOnly ? Evaluation.defaults() : Evaluation.hybridDefaults();
        System.out.println(lexicalOnly ? "Lexical routing (BM25F)" : "Hybrid routing (default): BM25F + "
                + LocalModels.BGE_SMALL + " (vectors cached under target/embedding-cache; latency: SemanticLatency)");
        List<AgentDefinition> volt = data.voltAgents();
        List<EvalData.LabelledQuery> queries = data.voltQueries();
        System.out.printf("VoltAgent: %d agents, %d queries (%s)%n%n", volt.size(), queries.size(), dir);

        Evaluation.Report zeroShot = eval.run("VoltAgent zero-shot (A)", EvalData.zeroShot(volt), queries);
        Evaluation.Report loo = leaveOneOut(eval, volt, queries);
        Evaluation.Report banking = eval.run("Banking77 10-shot", data.bankingAgents(10), data.bankingTest());
        // Banking questions sent to the software catalog: prompts the VoltAgent router should mostly decline.
        Evaluation.Report offTopic = eval.run("Banking77 prompts on VoltAgent", EvalData.zeroShot(volt),
                data.bankingTest());

        for (Evaluation.Report r : List.of(zeroShot, loo, banking)) {
            System.out.println(r.summary());
        }
        System.out.printf("%nOff-topic (Banking77 test prompts against the VoltAgent zero-shot catalog): "
                + "%.1f%% abstained%n", 100 * offTopic.abstained());

        for (Evaluation.Report r : List.of(zeroShot, loo, banking)) {
            System.out.printf("%nMost-confused pairs, %s (expected -> chosen: count)%n", r.name());
            for (Map.Entry<String, Long> e : r.confusions(10)) {
                System.out.printf("  %-60s %d%n", e.getKey(), e.getValue());
            }
        }
        System.out.printf("%nConfidence threshold sweep: VoltAgent leave-one-out (in-domain) vs Banking77 prompts"
                + " on the VoltAgent catalog (off-topic)%n");
        System.out.print(Evaluation.thresholdSweep(loo, offTopic, THRESHOLDS));
    }

    /** Protocol C in three rounds: round r holds out example r of every agent and queries exactly those. */
    static Evaluation.Report leaveOneOut(Evaluation eval, List<AgentDefinition> agents,
                                         List<EvalData.LabelledQuery> queries) {
        List<Evaluation.Report> rounds = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            int round = r;
            List<EvalData.LabelledQuery> held = queries.stream().filter(q -> q.exampleIndex() == round).toList();
            rounds.add(eval.run("round " + r, EvalData.leaveOneOut(agents, r), held));
        }
        return Evaluation.Report.merge("VoltAgent leave-one-out (C)", rounds);
    }
}
