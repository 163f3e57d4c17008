package dev.agentrouter.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.routing.Fusion;
import dev.agentrouter.routing.FusionWeights;
import dev.agentrouter.routing.HybridConfidenceModel;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.semantic.LocalModels;

/**
 * Fits hybrid routing on the fit split only, then reports on the held-out split:
 * <ol>
 *   <li>the fusion weights ({@link FusionWeights}; lexical fixed at 1, since only ratios change a ranking), by
 *   coordinate ascent on mean top-1 accuracy over three fit sets: VoltAgent example-0 prompts zero-shot, the same
 *   prompts leave-one-out (round 0), and Banking77 train rows 11-30 per category against the 10-shot catalog;</li>
 *   <li>the hybrid confidence model, a logistic regression of "the chosen agent is right" on the decision's signals,
 *   on the same fit sets plus Banking77 train prompts sent to the VoltAgent catalog (off-topic: always wrong).</li>
 * </ol>
 * Held out: VoltAgent examples 1-2 (zero-shot and leave-one-out) and Banking77 test.csv.
 *
 * <p>Run: {@code ./mvnw -q -Peval test-compile exec:java -Deval.main=dev.agentrouter.eval.HybridFit}.
 */
public final class HybridFit {

    private static final double[] GRID = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6};
    /** For the classifier's weight per example per agent (counted up to 10, so 0.5 adds up to 5). */
    private static final double[] PER_EXAMPLE_GRID = {0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8};

    private HybridFit() {}

    public static void main(String[] args) throws IOException {
        EvalData data = new EvalData(EvalData.defaultRoot());
        List<AgentDefinition> volt = data.voltAgents();
        List<EvalData.LabelledQuery> voltQueries = data.voltQueries();
        List<EvalData.LabelledQuery> fitVolt = voltQueries.stream().filter(q -> q.exampleIndex() == 0).toList();
        List<AgentDefinition> banking = data.bankingAgents(10);
        List<EvalData.LabelledQuery> fitBanking = data.bankingHeldOutTrain(10, 20);
        boolean instruction = List.of(args).contains("--query-instruction");
        String model = List.of(args).contains("--minilm") ? LocalModels.MINILM : LocalModels.BGE_SMALL;
        Evaluation eval = Evaluation.hybrid(model, instruction ? LocalModels.BGE_QUERY_INSTRUCTION : "");
        System.out.println("model " + model);
        System.out.println(instruction ? "prompts embedded with bge's query instruction" : "prompts embedded as they"
                + " are (the product's default)");

        List<List<Evaluation.Case>> fitSets = List.of(
                eval.cases(EvalData.zeroShot(volt), fitVolt),
                eval.cases(EvalData.leaveOneOut(volt, 0), fitVolt),
                eval.cases(banking, fitBanking));
        FusionWeights weights = fitWeights(fitSets);
        System.out.printf(Locale.ROOT, "fusion weights: lexical %.2f, description %.2f, body %.2f, sections %.2f,"
                        + " examples %.2f, example-centroid %.2f, classifier %.2f + %.2f per example (fit accuracy"
                        + " %.3f)%n",
                weights.lexical(), weights.description(), weights.body(), weights.sections(), weights.examples(),
                weights.exampleCentroid(), weights.classifier(), weights.classifierPerExample(),
                objective(fitSets, weights));

        System.out.printf(Locale.ROOT, "candidate probability temperature (max. likelihood of the expected agent): %.3f%n",
                fitTemperature(fitSets, weights));

        RoutingPolicy base = RoutingPolicy.defaults();
        Evaluation fitted = eval.withPolicy(new RoutingPolicy(0, Optional.empty(), base.temperature(), 5,
                base.confidence(), weights, base.hybridConfidence()));
        List<Evaluation.Outcome> fit = CalibrationFit.fitOutcomes(fitted, volt, fitVolt, banking, fitBanking);
        HybridConfidenceModel confidence = fitConfidence(fit);
        System.out.printf(Locale.ROOT, "hybrid confidence (%d outcomes): bias %.3f, lexical %.3f, similarity %.3f,"
                        + " fused-margin %.3f, agreement %.3f%n%n",
                fit.size(), confidence.bias(), confidence.lexicalWeight(), confidence.similarityWeight(),
                confidence.fusedMarginWeight(), confidence.agreementWeight());

        Evaluation heldOutEval = eval.withPolicy(new RoutingPolicy(0, Optional.empty(), base.temperature(), 5,
                base.confidence(), weights, confidence));
        List<EvalData.LabelledQuery> heldOutVolt = voltQueries.stream().filter(q -> q.exampleIndex() > 0).toList();
        Evaluation.Report zeroShot = heldOutEval.run("held-out VoltAgent zero-shot (ex 1-2)", EvalData.zeroShot(volt),
                heldOutVolt);
        List<Evaluation.Report> rounds = new ArrayList<>();
        for (int r = 1; r < 3; r++) {
            int round = r;
            rounds.add(heldOutEval.run("r" + r, EvalData.leaveOneOut(volt, r),
                    voltQueries.stream().filter(q -> q.exampleIndex() == round).toList()));
        }
        Evaluation.Report loo = Evaluation.Report.merge("held-out VoltAgent LOO (ex 1-2)", rounds);
        Evaluation.Report bank = heldOutEval.run("Banking77 test", banking, data.bankingTest());
        Evaluation.Report offTopic = heldOutEval.run("off-topic", EvalData.zeroShot(volt), data.bankingTest());
        for (Evaluation.Report r : List.of(zeroShot, loo, bank)) {
            System.out.println(r.summary());
        }
        Evaluation lexical = Evaluation.defaults();
        System.out.println("lexical only, same prompts:");
        System.out.println(lexical.run("  VoltAgent zero-shot (ex 1-2)", EvalData.zeroShot(volt), heldOutVolt).summary());
        System.out.println(lexical.run("  Banking77 test", banking, data.bankingTest()).summary());
        System.out.println("\nReliability, held-out VoltAgent LOO (confidence bin: n, mean confidence, accuracy)");
        CalibrationFit.reliability(loo.outcomes());
        System.out.println("Reliability, Banking77 test");
        CalibrationFit.reliability(bank.outcomes());
        System.out.printf("%nThreshold sweep, held out%n");
        System.out.print(Evaluation.thresholdSweep(loo, offTopic, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7));
    }

    static FusionWeights fitWeights(List<List<Evaluation.Case>> sets) {
        double[] w = {1, 1, 1, 1, 1, 1, 1, 0};
        double best = objective(sets, weights(w));
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 1; k < w.length; k++) {
                for (double g : k == 7 ? PER_EXAMPLE_GRID : GRID) {
                    double old = w[k];
                    w[k] = g;
                    double score = objective(sets, weights(w));
                    if (score > best + 1e-9) {
                        best = score;
                    } else {
                        w[k] = old;
                    }
                }
            }
        }
        return weights(w);
    }

    private static FusionWeights weights(double[] w) {
        return new FusionWeights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    /** Mean top-1 accuracy over the sets, each set counting the same. */
    static double objective(List<List<Evaluation.Case>> sets, FusionWeights w) {
        double sum = 0;
        for (List<Evaluation.Case> set : sets) {
            int right = 0;
            for (Evaluation.Case c : set) {
                double[] fused = Fusion.fuse(c.lexical(), c.similarities(), w);
                int top = 0;
                for (int a = 1; a < fused.length; a++) {
                    if (fused[a] > fused[top]) {
                        top = a;
                    }
                }
                if (c.agents().get(top).equals(c.expected())) {
                    right++;
                }
            }
            sum += right / (double) set.size();
        }
        return sum / sets.size();
    }

    /** The softmax temperature over fused scores that gives the expected agents the highest mean log-probability. */
    static double fitTemperature(List<List<Evaluation.Case>> sets, FusionWeights w) {
        double bestT = 0;
        double bestLogLikelihood = Double.NEGATIVE_INFINITY;
        for (double t = 0.02; t <= 2.0; t *= 1.1) {
            double ll = 0;
            int n = 0;
            for (List<Evaluation.Case> set : sets) {
                for (Evaluation.Case c : set) {
                    double[] fused = Fusion.fuse(c.lexical(), c.similarities(), w);
                    double max = Double.NEGATIVE_INFINITY;
                    for (double f : fused) {
                        max = Math.max(max, f);
                    }
                    double sum = 0;
                    for (double f : fused) {
                        sum += Math.exp((f - max) / t);
                    }
                    int expected = c.agents().indexOf(c.expected());
                    ll += (fused[expected] - max) / t - Math.log(sum);
                    n++;
                }
            }
            if (ll / n > bestLogLikelihood) {
                bestLogLikelihood = ll / n;
                bestT = t;
            }
        }
        return bestT;
    }

    static HybridConfidenceModel fitConfidence(List<Evaluation.Outcome> outcomes) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Evaluation.Outcome o : outcomes) {
            if (o.signals() == null || o.signals().similarity() == null) {
                continue;
            }
            var s = o.signals();
            x.add(new double[] {1, s.lexicalLogit(), s.similarity(), s.fusedMargin(), s.agreement() ? 1 : 0});
            y.add(o.top1() ? 1.0 : 0.0);
        }
        double[] w = CalibrationFit.logistic(x, y);
        return new HybridConfidenceModel(w[0], w[1], w[2], w[3], w[4]);
    }
}
