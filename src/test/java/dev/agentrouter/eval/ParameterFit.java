package dev.agentrouter.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.routing.Field;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.RoutingPolicy;

/**
 * Fits the lexical scorer's parameters by coordinate search on a fit split only, then reports the held-out split.
 * Fit: VoltAgent queries of example 0 (zero-shot and leave-one-out round 0) and Banking77 train rows 11-30 of each
 * category (not agent examples). Held out: VoltAgent examples 1 and 2, and Banking77 test.csv.
 *
 * <p>Run: {@code ./mvnw -q -Peval test-compile exec:java -Dexec.mainClass=dev.agentrouter.eval.ParameterFit}.
 */
public final class ParameterFit {

    private final List<AgentDefinition> volt;
    private final List<EvalData.LabelledQuery> voltFit;
    private final List<AgentDefinition> banking;
    private final List<EvalData.LabelledQuery> bankingFit;

    private ParameterFit(EvalData data) throws IOException {
        volt = data.voltAgents();
        voltFit = data.voltQueries().stream().filter(q -> q.exampleIndex() == 0).toList();
        banking = data.bankingAgents(10);
        bankingFit = data.bankingHeldOutTrain(10, 20);
    }

    public static void main(String[] args) throws IOException {
        EvalData data = new EvalData(EvalData.defaultRoot());
        ParameterFit fit = new ParameterFit(data);
        LexicalSettings best = LexicalSettings.defaults();
        double bestScore = fit.objective(best);
        System.out.printf(Locale.ROOT, "start %.4f %s%n", bestScore, best);
        for (int pass = 0; pass < 2; pass++) {
            for (UnaryOperator<LexicalSettings>[] axis : axes()) {
                for (UnaryOperator<LexicalSettings> move : axis) {
                    LexicalSettings candidate = move.apply(best);
                    double score = fit.objective(candidate);
                    if (score > bestScore + 1e-9) {
                        bestScore = score;
                        best = candidate;
                        System.out.printf(Locale.ROOT, "better %.4f %s%n", bestScore, best);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nfitted %s%n", best);
        Evaluation eval = new Evaluation(RoutingPolicy.defaults(), best);
        List<EvalData.LabelledQuery> heldOut = data.voltQueries().stream().filter(q -> q.exampleIndex() > 0).toList();
        System.out.println(eval.run("held-out VoltAgent zero-shot", EvalData.zeroShot(fit.volt), heldOut).summary());
        List<Evaluation.Report> rounds = new ArrayList<>();
        for (int r = 1; r < 3; r++) {
            int round = r;
            rounds.add(eval.run("r" + r, EvalData.leaveOneOut(fit.volt, r),
                    heldOut.stream().filter(q -> q.exampleIndex() == round).toList()));
        }
        System.out.println(Evaluation.Report.merge("held-out VoltAgent LOO rounds 1-2", rounds).summary());
        System.out.println(eval.run("held-out Banking77 test", fit.banking, data.bankingTest()).summary());
    }

    /** Mean top-1 over the three fit sets. */
    double objective(LexicalSettings s) {
        Evaluation eval = new Evaluation(new RoutingPolicy(0, java.util.Optional.empty(), 1, 5, RoutingPolicy.defaults().confidence()), s);
        double a = eval.run("zs", EvalData.zeroShot(volt), voltFit).top1();
        double c = eval.run("loo", EvalData.leaveOneOut(volt, 0), voltFit).top1();
        double b = eval.run("bank", banking, bankingFit).top1();
        return (a + c + b) / 3;
    }

    @SuppressWarnings("unchecked")
    private static List<UnaryOperator<LexicalSettings>[]> axes() {
        List<UnaryOperator<LexicalSettings>[]> axes = new ArrayList<>();
        axes.add(values(new double[] {0.6, 0.9, 1.2, 1.6, 2.0, 3.0},
                v -> s -> new LexicalSettings(v, s.weights(), s.b(), s.exampleWeight())));
        for (Field f : Field.values()) {
            axes.add(values(new double[] {0, 0.5, 1, 2, 3, 5, 8},
                    v -> s -> new LexicalSettings(s.k1(), with(s.weights(), f, v), s.b(), s.exampleWeight())));
            axes.add(values(new double[] {0.2, 0.4, 0.6, 0.75, 0.9, 1.0},
                    v -> s -> new LexicalSettings(s.k1(), s.weights(), with(s.b(), f, v), s.exampleWeight())));
        }
        axes.add(values(new double[] {0, 0.25, 0.5, 1, 1.5, 2, 3},
                v -> s -> new LexicalSettings(s.k1(), s.weights(), s.b(), v)));
        return axes;
    }

    private interface Move {
        UnaryOperator<LexicalSettings> at(double v);
    }

    @SuppressWarnings("unchecked")
    private static UnaryOperator<LexicalSettings>[] values(double[] vs, Move move) {
        UnaryOperator<LexicalSettings>[] moves = new UnaryOperator[vs.length];
        for (int i = 0; i < vs.length; i++) {
            moves[i] = move.at(vs[i]);
        }
        return moves;
    }

    private static Map<Field, Double> with(Map<Field, Double> m, Field f, double v) {
        Map<Field, Double> copy = new EnumMap<>(m);
        copy.put(f, v);
        return copy;
    }
}
