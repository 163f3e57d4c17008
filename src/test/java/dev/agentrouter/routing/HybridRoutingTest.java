package dev.agentrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;
import dev.agentrouter.semantic.AgentVectorCache;
import dev.agentrouter.semantic.ConceptEmbedder;
import dev.agentrouter.semantic.SemanticIndex;

/** Hybrid decisions (lexical + semantic evidence, default fused weights and confidence) on a small catalog. */
class HybridRoutingTest {

    private static final List<AgentDefinition> AGENTS = List.of(
            agent("perf-engineer", "Finds why software is slow and makes it fast.", "Our API latency doubled",
                    "You profile services and fix performance problems."),
            agent("ui-builder", "Builds React pages and CSS layouts.", "Center this button",
                    "You build frontend screens in React."),
            agent("docs-writer", "Writes guides, tutorials and README files.", "Improve the wording of our guide",
                    "You write documentation."),
            agent("k8s-operator", "Operates Kubernetes clusters and Helm charts.", "Our pod keeps restarting",
                    "You deploy containers to clusters with pipelines."));

    private final LexicalIndex index = LexicalIndex.build(AGENTS, new TextAnalyzer(), LexicalSettings.defaults());
    private final SemanticIndex vectors = new SemanticIndex("concepts",
            new AgentVectorCache().vectors(AGENTS, new ConceptEmbedder()).vectors());
    private final Router router = new Router(RoutingPolicy.defaults());

    private static AgentDefinition agent(String name, String description, String example, String body) {
        return new AgentDefinition(name, description, List.of(AgentExample.ofPrompt(example)), "sonnet", List.of(),
                null, Map.of(), body, name + ".md", AgentDefinition.FrontmatterMode.YAML, name);
    }

    private RouteDecision route(String prompt) {
        return router.route(index, Query.of(prompt), SemanticQuery.of(vectors, ConceptEmbedder.vector(prompt)));
    }

    @Test
    void aParaphraseSharingNoWordWithAnyAgentIsRoutedOnMeaning() {
        RouteDecision d = route("checkout takes nine seconds, everything sluggish");
        assertEquals("perf-engineer", d.agent());
        assertEquals(RouteDecision.Outcome.ROUTED, d.outcome());
        assertEquals("used", d.semantic().state());
        assertTrue(d.candidates().get(0).evidence().matchedTerms().isEmpty(), "no lexical evidence at all");
        assertNotNull(d.signals().similarity());
    }

    @Test
    void lexicalAndSemanticEvidenceAgreeingGiveAConfidentDecision() {
        RouteDecision d = route("the Kubernetes pod deploy pipeline fails on the cluster");
        assertEquals("k8s-operator", d.agent());
        assertTrue(d.confidence() > 0.9, "confidence " + d.confidence());
        assertTrue(d.signals().agreement());
    }

    @Test
    void aPromptFromAnotherDomainIsAbstainedOn() {
        RouteDecision d = route("please refund the payment on my bank card");
        assertEquals(RouteDecision.Outcome.ABSTAINED, d.outcome());
        assertTrue(d.confidence() < RoutingPolicy.defaults().minConfidence(), "confidence " + d.confidence());
        assertTrue(!d.candidates().isEmpty(), "the ranking is still explained");
    }

    @Test
    void aPromptWithoutWordsAbstainsEvenWithAVector() {
        RouteDecision d = route("?? !! ...");
        assertEquals(RouteDecision.Outcome.ABSTAINED, d.outcome());
        assertTrue(d.candidates().isEmpty());
        assertTrue(d.reason().contains("no words"), d.reason());
    }

    @Test
    void withoutAVectorTheDecisionIsLexicalAndSaysWhy() {
        RouteDecision d = router.route(index, Query.of("the Kubernetes pod keeps restarting"),
                SemanticQuery.without("unavailable", "concepts", "model down; routed lexically"));
        assertEquals("k8s-operator", d.agent());
        assertEquals("unavailable", d.semantic().state());
        assertEquals(null, d.signals().similarity());
    }
}
