package dev.agentrouter.routing;

import java.util.ArrayList;
import java.util.List;

import dev.agentrouter.semantic.Similarities;

/**
 * Scores a query against an index and turns the scores into a decision: the best agent when the evidence is strong
 * enough, otherwise the fallback agent or nothing. Confidence comes from a {@link ConfidenceModel} fitted on
 * labelled data: how much of the prompt's maximum possible score the best agent reaches, its lead over the
 * runner-up, and how much of the prompt's vocabulary it covers. A prompt about something no agent covers scores low
 * everywhere and is not routed just because one agent scored marginally higher than the others.
 */
public final class Router {

    /**
     * Softness of the candidates' probabilities over fused scores (weighted means of z-scores): the temperature that
     * gives the expected agents the highest likelihood on the fit split (HybridFit). The decision's confidence comes
     * from the hybrid confidence model, not from these probabilities.
     */
    static final double FUSED_TEMPERATURE = 0.349;

    private final RoutingPolicy policy;

    public Router(RoutingPolicy policy) {
        this.policy = policy;
    }

    public RoutingPolicy policy() {
        return policy;
    }

    public RouteDecision route(LexicalIndex index, Query query) {
        return route(index, query, SemanticQuery.OFF);
    }

    /**
     * Routes with semantic evidence when {@code semantic} is usable (its index must be aligned with {@code index}),
     * lexically otherwise; the decision records which, and why.
     */
    public RouteDecision route(LexicalIndex index, Query query, SemanticQuery semantic) {
        RouteDecision.SemanticStatus status = semantic.status();
        if (index.size() == 0) {
            return abstain(0, List.of(), "the catalog has no agents", null, status);
        }
        AnalyzedQuery analyzed = index.analyze(query);
        if (analyzed.isEmpty()) {
            // Also with semantic evidence: a vector of "?? !!" or "can you do it" ranks agents on noise.
            return abstain(0, List.of(), "the prompt has no words to match (only stop words or symbols)", null,
                    status);
        }
        if (semantic.usable()) {
            return routeHybrid(index, analyzed, semantic);
        }
        LexicalIndex.IndexedQuery indexed = index.resolve(analyzed);
        double[] scores = index.score(indexed);
        int[] top = topK(scores, policy.maxCandidates());
        double best = scores[top[0]];
        if (best <= 0) {
            return abstain(0, List.of(), "no agent shares a word with the prompt", null, status);
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
        return decide(winner, confidence, candidates, why, signals, status);
    }

    private RouteDecision decide(Candidate winner, double confidence, List<Candidate> candidates, String why,
                                 RouteDecision.Signals signals, RouteDecision.SemanticStatus status) {
        if (confidence >= policy.minConfidence()) {
            return new RouteDecision(winner.agent(), confidence, RouteDecision.Outcome.ROUTED, candidates,
                    "routed to " + winner.agent() + ": " + why, signals, status);
        }
        String low = "confidence " + twoDecimals(confidence) + " is below the threshold "
                + twoDecimals(policy.minConfidence()) + " (best candidate " + winner.agent() + ": " + why + ")";
        return abstain(confidence, candidates, low, signals, status);
    }

    /**
     * Lexical scores and semantic similarities fused into one ranking; a prompt that shares no word with any agent
     * can still be routed on meaning alone.
     */
    private RouteDecision routeHybrid(LexicalIndex index, AnalyzedQuery analyzed, SemanticQuery semantic) {
        int n = index.size();
        LexicalIndex.IndexedQuery resolved = index.resolve(analyzed);
        // Words the catalog does not have: ranked on meaning alone.
        LexicalIndex.IndexedQuery indexed = resolved.isEmpty() ? null : resolved;
        double[] lexical = indexed == null ? new double[n] : index.score(indexed);
        double scale = indexed == null ? 1 : index.scoreScale(indexed);
        Similarities similarities = semantic.index().score(semantic.vector());
        double[] fused = Fusion.fuse(lexical, similarities, policy.fusion());
        int[] top = topK(fused, Math.max(2, policy.maxCandidates()));
        double best = fused[top[0]];
        double sum = 0;
        for (double f : fused) {
            double x = (f - best) / FUSED_TEMPERATURE;
            if (x > -30) {
                sum += Math.exp(x);
            }
        }
        List<Candidate> candidates = new ArrayList<>(policy.maxCandidates());
        for (int i = 0; i < Math.min(top.length, policy.maxCandidates()); i++) {
            int a = top[i];
            Evidence evidence = indexed != null && lexical[a] > 0 ? index.explain(indexed, a) : Evidence.NONE;
            candidates.add(new Candidate(index.agents().get(a).name(), fused[a],
                    Math.exp((fused[a] - best) / FUSED_TEMPERATURE) / sum, evidence, semanticEvidence(similarities, a)));
        }
        int w = top[0];
        // Lexical signals of the lexically best agent, as lexical routing computes them.
        int lexicalBest = 0;
        double runnerUp = 0;
        for (int a = 1; a < n; a++) {
            if (lexical[a] > lexical[lexicalBest]) {
                lexicalBest = a;
            }
        }
        for (int a = 0; a < n; a++) {
            if (a != lexicalBest) {
                runnerUp = Math.max(runnerUp, lexical[a]);
            }
        }
        double bestLexical = lexical[lexicalBest];
        double coverage = indexed == null || bestLexical <= 0 ? 0 : index.coverage(indexed, lexicalBest);
        RouteDecision.Signals lexicalSignals = new RouteDecision.Signals(bestLexical / scale,
                (bestLexical - runnerUp) / scale, coverage, bestLexical / index.maxIdf());
        double lexicalLogit = policy.confidence().logit(lexicalSignals);
        double similarity = similarities.best(w);
        double fusedMargin = top.length > 1 ? best - fused[top[1]] : best;
        boolean agree = bestLexical > 0 && lexicalBest == w;
        RouteDecision.Signals signals = new RouteDecision.Signals(lexicalSignals.evidence(), lexicalSignals.margin(),
                coverage, lexicalSignals.strength(), similarity, fusedMargin, lexicalLogit, agree);
        double confidence = policy.hybridConfidence().confidence(lexicalLogit, similarity, fusedMargin, agree);
        Candidate winner = candidates.get(0);
        String why = explain(winner, indexed == null || lexical[w] <= 0 ? 0 : index.coverage(indexed, w))
                + "; meaning similarity " + twoDecimals(similarity);
        return decide(winner, confidence, candidates, why, signals, semantic.status());
    }

    private static Candidate.Semantic semanticEvidence(Similarities s, int a) {
        return new Candidate.Semantic(s.best(a), new SemanticParts(s, a));
    }

    private RouteDecision abstain(double confidence, List<Candidate> candidates, String why,
                                  RouteDecision.Signals signals, RouteDecision.SemanticStatus status) {
        if (policy.fallbackAgent().isPresent()) {
            String fallback = policy.fallbackAgent().get();
            return new RouteDecision(fallback, confidence, RouteDecision.Outcome.FALLBACK, candidates,
                    "fell back to " + fallback + ": " + why, signals, status);
        }
        return new RouteDecision(null, confidence, RouteDecision.Outcome.ABSTAINED, candidates, "abstained: " + why,
                signals, status);
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
