package dev.agentrouter.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.routing.ConfidenceModel;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.RoutingPolicy;

/**
 * Fits the confidence model (a logistic regression of "the chosen agent is right" on the decision's signals) so
 * that confidence estimates the probability that the chosen agent is right, on the fit split only: VoltAgent example 0 (zero-shot and leave-one-out
 * round 0) and Banking77 train rows 11-30 per category. Reports calibration and a threshold sweep on the held-out
 * split: VoltAgent examples 1-2 (leave-one-out) and Banking77 prompts sent to the VoltAgent catalog (off-topic).
 *
 * <p>Run: {@code ./mvnw -q -Peval test-compile exec:java -Deval.main=dev.agentrouter.eval.CalibrationFit}.
 */
public final class CalibrationFit {

    private CalibrationFit() {}

    public static void main(String[] args) throws IOException {
        EvalData data = new EvalData(EvalData.defaultRoot());
        List<AgentDefinition> volt = data.voltAgents();
        List<EvalData.LabelledQuery> voltQueries = data.voltQueries();
        List<EvalData.LabelledQuery> fitVolt = voltQueries.stream().filter(q -> q.exampleIndex() == 0).toList();
        List<AgentDefinition> banking = data.bankingAgents(10);
        List<EvalData.LabelledQuery> fitBanking = data.bankingHeldOutTrain(10, 20);

        Evaluation scoring = new Evaluation(RoutingPolicy.defaults(), LexicalSettings.defaults());
        List<Evaluation.Outcome> fit = fitOutcomes(scoring, volt, fitVolt, banking, fitBanking);
        ConfidenceModel model = fitLogistic(fit);
        System.out.printf(Locale.ROOT, "fitted on %d outcomes: bias %.3f, evidence %.3f, margin %.3f, coverage %.3f,"
                        + " strength %.3f%n  (router.routing.confidence.bias / evidence-weight / margin-weight /"
                        + " coverage-weight / strength-weight)%n%n",
                fit.size(), model.bias(), model.evidenceWeight(), model.marginWeight(), model.coverageWeight(),
                model.strengthWeight());

        Evaluation eval = new Evaluation(new RoutingPolicy(0, Optional.empty(), RoutingPolicy.defaults().temperature(),
                5, model), LexicalSettings.defaults());
        List<Evaluation.Report> rounds = new ArrayList<>();
        for (int r = 1; r < 3; r++) {
            int round = r;
            rounds.add(eval.run("r" + r, EvalData.leaveOneOut(volt, r),
                    voltQueries.stream().filter(q -> q.exampleIndex() == round).toList()));
        }
        Evaluation.Report heldOut = Evaluation.Report.merge("held-out VoltAgent LOO rounds 1-2", rounds);
        Evaluation.Report offTopic = eval.run("off-topic", EvalData.zeroShot(volt), data.bankingTest());
        System.out.println("Reliability on the held-out split (confidence bin: n, mean confidence, accuracy)");
        reliability(heldOut.outcomes());
        System.out.printf("%nThreshold sweep, held out%n");
        System.out.print(Evaluation.thresholdSweep(heldOut, offTopic, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7));
    }

    /**
     * The outcomes a confidence model is fitted on: the VoltAgent fit prompts zero-shot and leave-one-out (round 0),
     * as many Banking77 fit prompts against their own catalog, and off-topic negatives: Banking77 train prompts (not
     * test) sent to the VoltAgent catalog, where any agent chosen is wrong, as many as the VoltAgent outcomes so
     * neither side dominates.
     */
    static List<Evaluation.Outcome> fitOutcomes(Evaluation scoring, List<AgentDefinition> volt,
                                                List<EvalData.LabelledQuery> fitVolt, List<AgentDefinition> banking,
                                                List<EvalData.LabelledQuery> fitBanking) {
        List<EvalData.LabelledQuery> fitOffTopic = fitBanking.stream()
                .filter(q -> Math.floorMod(q.text().hashCode(), 6) == 0).limit(2L * fitVolt.size()).toList();
        List<Evaluation.Outcome> fit = new ArrayList<>();
        fit.addAll(scoring.run("zs", EvalData.zeroShot(volt), fitVolt).outcomes());
        fit.addAll(scoring.run("loo", EvalData.leaveOneOut(volt, 0), fitVolt).outcomes());
        fit.addAll(scoring.run("bank", banking, fitBanking).outcomes().subList(0, 2 * fitVolt.size()));
        fit.addAll(scoring.run("off", EvalData.zeroShot(volt), fitOffTopic).outcomes());
        return fit;
    }

    /**
     * Logistic regression of "top-1 is right" on the decision's signals, by full-batch gradient descent with a
     * little L2 regularisation; off-topic outcomes count as wrong whatever was chosen.
     */
    static ConfidenceModel fitLogistic(List<Evaluation.Outcome> outcomes) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Evaluation.Outcome o : outcomes) {
            if (o.signals() == null) {
                continue;
            }
            x.add(new double[] {1, o.signals().evidence(), o.signals().margin(), o.signals().coverage(),
                    Math.log1p(o.signals().strength())});
            y.add(o.top1() ? 1.0 : 0.0);
        }
        double[] w = logistic(x, y);
        return new ConfidenceModel(w[0], w[1], w[2], w[3], w[4]);
    }

    /**
     * Weights of a logistic regression (x[0] = 1 is the intercept, not regularised), by full-batch gradient descent
     * with a little L2 regularisation.
     */
    static double[] logistic(List<double[]> x, List<Double> y) {
        int d = x.get(0).length;
        double[] w = new double[d];
        double rate = 0.5;
        double l2 = 1e-4;
        for (int step = 0; step < 20_000; step++) {
            double[] grad = new double[d];
            for (int i = 0; i < x.size(); i++) {
                double[] xi = x.get(i);
                double z = 0;
                for (int k = 0; k < d; k++) {
                    z += w[k] * xi[k];
                }
                double err = 1 / (1 + Math.exp(-z)) - y.get(i);
                for (int k = 0; k < d; k++) {
                    grad[k] += err * xi[k] / x.size();
                }
            }
            for (int k = 0; k < d; k++) {
                w[k] -= rate * (grad[k] + (k == 0 ? 0 : l2 * w[k]));
            }
        }
        return w;
    }

    static double logLoss(List<Evaluation.Outcome> outcomes) {
        double loss = 0;
        for (Evaluation.Outcome o : outcomes) {
            double p = Math.min(1 - 1e-6, Math.max(1e-6, o.confidence()));
            loss -= o.top1() ? Math.log(p) : Math.log(1 - p);
        }
        return loss / outcomes.size();
    }

    static void reliability(List<Evaluation.Outcome> outcomes) {
        for (int b = 0; b < 5; b++) {
            double lo = b / 5.0;
            double hi = (b + 1) / 5.0;
            List<Evaluation.Outcome> bin = outcomes.stream()
                    .filter(o -> o.confidence() >= lo && (o.confidence() < hi || hi == 1.0)).toList();
            if (bin.isEmpty()) {
                continue;
            }
            double conf = bin.stream().mapToDouble(Evaluation.Outcome::confidence).average().orElse(0);
            double acc = bin.stream().filter(Evaluation.Outcome::top1).count() / (double) bin.size();
            System.out.printf(Locale.ROOT, "  [%.1f, %.1f)  n=%3d  confidence %.2f  accuracy %.2f%n", lo, hi,
                    bin.size(), conf, acc);
        }
    }
}
