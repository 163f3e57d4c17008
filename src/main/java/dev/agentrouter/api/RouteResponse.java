package dev.agentrouter.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentrouter.routing.Candidate;
import dev.agentrouter.routing.Evidence;
import dev.agentrouter.routing.RouteDecision;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of a {@code POST /v1/route} answer. */
@RegisterForReflection(targets = {RouteResponse.class, RouteResponse.CandidateView.class, Evidence.TermMatch.class,
        Evidence.ExampleMatch.class, RouteDecision.Signals.class, RouteDecision.SemanticStatus.class})
public record RouteResponse(String agent, double confidence, String outcome, String reason,
                            List<CandidateView> candidates, RouteDecision.Signals signals,
                            RouteDecision.SemanticStatus semantic, long catalogVersion) {

    /**
     * One ranked agent and the evidence behind its score; {@code semantic} (cosine similarities by what was
     * compared) is absent when the decision was lexical only.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CandidateView(String agent, double score, double probability, Map<String, Double> fieldScores,
                                List<Evidence.TermMatch> matchedTerms, Evidence.ExampleMatch bestExample,
                                Map<String, Double> semantic) {}

    static RouteResponse of(RouteDecision decision, long catalogVersion) {
        List<CandidateView> candidates = decision.candidates().stream().map(RouteResponse::view).toList();
        RouteDecision.Signals s = decision.signals();
        RouteDecision.Signals signals = s == null ? null
                : new RouteDecision.Signals(round(s.evidence()), round(s.margin()), round(s.coverage()),
                        round(s.strength()), s.similarity() == null ? null : round(s.similarity()),
                        s.fusedMargin() == null ? null : round(s.fusedMargin()),
                        s.lexicalLogit() == null ? null : round(s.lexicalLogit()), s.agreement());
        return new RouteResponse(decision.agent(), round(decision.confidence()), decision.outcome().key(),
                decision.reason(), candidates, signals, decision.semantic(), catalogVersion);
    }

    private static CandidateView view(Candidate c) {
        Map<String, Double> fields = new LinkedHashMap<>();
        c.evidence().fieldScores().forEach((f, s) -> fields.put(f.key(), round(s)));
        List<Evidence.TermMatch> terms = c.evidence().matchedTerms().stream()
                .map(t -> new Evidence.TermMatch(t.term(), round(t.contribution()), t.fields()))
                .toList();
        Map<String, Double> semantic = null;
        if (c.semantic() != null) {
            semantic = new LinkedHashMap<>();
            semantic.put("similarity", round(c.semantic().similarity()));
            for (Map.Entry<String, Double> e : c.semantic().parts().entrySet()) {
                semantic.put(e.getKey(), round(e.getValue()));
            }
        }
        return new CandidateView(c.agent(), round(c.score()), round(c.probability()), fields, terms,
                c.evidence().bestExample(), semantic);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
