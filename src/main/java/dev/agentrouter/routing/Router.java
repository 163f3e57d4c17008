package dev.agentrouter.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a query against an index and turns the scores into a decision: the best agent when the evidence is strong
 * enough, otherwise the fallback agent or nothing. Confidence comes from a {@link ConfidenceModel} fitted on
 * labelled data: how much of the prompt's maximum possible score the best agent reaches, its lead over the
 * runner-up, and how much of the prompt's vocabulary it covers. A prompt about something no agent covers scores low
 * everywhere and is not routed just because one agent scored marginally higher than the others.
 */
public final class Router {

    private final RoutingPolicy policy;

    public Router(RoutingPolicy policy) {
        this.policy = policy;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    public RouteDecision route(LexicalIndex index, Query query) {
        AnalyzedQuery analyzed = index.analyze(query);
        if (index.size() == 0) {
            return abstain(0, List.of(), "the catalog has no agents", null);
        }
        if (analyzed.isEmpty()) {
            return abstain(0, List.of(), "the prompt has no words to match (only stop words or symbols)", null);
        }
        LexicalIndex.IndexedQuery indexed = index.resolve(analyzed);
        double[] scores = index.score(indexed);
        int[] top = topK(scores, policy.maxCandidates());
        double best = scores[top[0]];
        if (best <= 0) {
            return abstain(0, List.of(), "no agent shares a word with the prompt", null);
        }
        // Normalised scores over the temperature; terms far below the best add nothing measurable, so skip exp().
        double scale = index.scoreScale(indexed);
        double inverseT = 1 / (scale * policy.temperature());
        double sum = 0;
        for (double s : scores) {
            double x = (s - best) * inverseT;
            if (x > -30) {
                sum += Math.exp(x);
            }
        }
        List<Candidate> candidates = new ArrayList<>(top.length);
        for (int a : top) {
            if (scores[a] <= 0) {
                break;
            }
            double probability = Math.exp((scores[a] - best) * inverseT) / sum;
            candidates.add(new Candidate(index.agents().get(a).name(), scores[a], probability,
                    index.explain(indexed, a)));
        }
        double coverage = index.coverage(indexed, top[0]);
        double runnerUp = top.length > 1 ? Math.max(0, scores[top[1]]) : 0;
        RouteDecision.Signals signals = new RouteDecision.Signals(best / scale, (best - runnerUp) / scale, coverage,
                best / index.maxIdf());
        double confidence = policy.confidence().confidence(signals);
        Candidate winner = candidates.get(0);
        String why = explain(winner, coverage);
        if (confidence >= policy.minConfidence()) {
            return new RouteDecision(winner.agent(), confidence, RouteDecision.Outcome.ROUTED, candidates,
                    "routed to " + winner.agent() + ": " + why, signals);
        }
        String low = "confidence " + twoDecimals(confidence) + " is below the threshold "
                + twoDecimals(policy.minConfidence()) + " (best candidate " + winner.agent() + ": " + why + ")";
        return abstain(confidence, candidates, low, signals);
    }

    private RouteDecision abstain(double confidence, List<Candidate> candidates, String why,
                                  RouteDecision.Signals signals) {
        if (policy.fallbackAgent().isPresent()) {
            String fallback = policy.fallbackAgent().get();
            return new RouteDecision(fallback, confidence, RouteDecision.Outcome.FALLBACK, candidates,
                    "fell back to " + fallback + ": " + why, signals);
        }
        return new RouteDecision(null, confidence, RouteDecision.Outcome.ABSTAINED, candidates, "abstained: " + why,
                signals);
    }

    private static String explain(Candidate c, double coverage) {
        StringBuilder why = new StringBuilder("matched ");
        List<Evidence.TermMatch> terms = c.evidence().matchedTerms();
        if (terms.isEmpty()) {
            why.append("nothing");
        } else {
            why.append('\'');
            for (int i = 0; i < Math.min(5, terms.size()); i++) {
                why.append(i == 0 ? "" : ", ").append(terms.get(i).term());
            }
            why.append('\'');
        }
        why.append("; ").append(Math.round(coverage * 100)).append("% of the prompt's weight found in the agent");
        if (c.evidence().bestExample() != null) {
            why.append("; closest example: \"").append(c.evidence().bestExample().prompt()).append('"');
        }
        return why.toString();
    }

    /** {@code 0.47} for 0.4712: cheaper than String.format on the hot path. */
    static String twoDecimals(double v) {
        long hundredths = Math.round(v * 100);
        long fraction = Math.abs(hundredths % 100);
        return (hundredths < 0 ? "-" : "") + Math.abs(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + fraction;
    }

    /** Indices of the k highest scores, best first; a partial selection, not a full sort. */
    static int[] topK(double[] scores, int k) {
        int n = Math.min(k, scores.length);
        int[] best = new int[n];
        int filled = 0;
        for (int i = 0; i < scores.length; i++) {
            if (filled < n) {
                int j = filled++;
                while (j > 0 && scores[best[j - 1]] < scores[i]) {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = i;
            } else if (scores[i] > scores[best[n - 1]]) {
                int j = n - 1;
                while (j > 0 && scores[best[j - 1]] < scores[i]) {
                    best[j] = best[j - 1];
                    j--;
                }
                best[j] = i;
            }
        }
        return best;
    }
}
