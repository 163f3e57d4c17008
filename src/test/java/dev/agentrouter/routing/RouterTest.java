package dev.agentrouter.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;
import dev.agentrouter.catalog.CatalogSnapshot;

/** Ranking, explanation and abstention on a small catalog written for these tests. */
class RouterTest {

    private static final List<AgentDefinition> AGENTS = List.of(
            agent("sql-tuner", "Tunes slow SQL queries, database indexes and execution plans.",
                    List.of("My PostgreSQL query takes 30 seconds", "Which index should this table have?"),
                    "You optimise relational databases: query plans, indexes, vacuum, connection pools."),
            agent("ui-builder", "Builds React components, CSS layouts and accessible forms.",
                    List.of("Make this dropdown keyboard accessible", "Center a div with flexbox"),
                    "You build user interfaces in React with semantic HTML and CSS."),
            agent("release-writer", "Writes release notes, changelogs and announcements for customers.",
                    List.of("Turn these merged pull requests into release notes"),
                    "You write clear customer-facing release notes and changelogs."),
            agent("k8s-operator", "Operates Kubernetes clusters: deployments, probes, autoscaling, Helm charts.",
                    List.of("Our pods are stuck in CrashLoopBackOff"),
                    "You run Kubernetes in production: manifests, probes, resource limits, rollouts."));

    private final LexicalIndex index = LexicalIndex.build(AGENTS, new TextAnalyzer(), LexicalSettings.defaults());
    private final Router router = new Router(RoutingPolicy.defaults());

    private static AgentDefinition agent(String name, String description, List<String> examples, String body) {
        return new AgentDefinition(name, description, examples.stream().map(AgentExample::ofPrompt).toList(), "sonnet",
                List.of(), null, Map.of(), body, name + ".md", AgentDefinition.FrontmatterMode.YAML, name);
    }

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', value = {
            "the SQL query on our orders table is slow, which index is missing? | sql-tuner",
            "build an accessible React form with a CSS grid layout             | ui-builder",
            "write the changelog and release notes for version 2.0              | release-writer",
            "the Kubernetes deployment fails its readiness probe after rollout  | k8s-operator"
    })
    void routesToTheAgentThatFits(String prompt, String expected) {
        RouteDecision d = router.route(index, Query.of(prompt));
        assertEquals(expected, d.agent());
        assertEquals(RouteDecision.Outcome.ROUTED, d.outcome());
        assertTrue(d.confidence() >= RoutingPolicy.defaults().minConfidence());
        assertEquals(expected, d.candidates().get(0).agent());
    }

    @Test
    void explainsWithMatchedTermsFieldsAndTheClosestExample() {
        RouteDecision d = router.route(index, Query.of("my PostgreSQL query is slow"));
        Candidate best = d.candidates().get(0);
        List<String> terms = best.evidence().matchedTerms().stream().map(Evidence.TermMatch::term).toList();
        assertTrue(terms.containsAll(List.of("postgresql", "query", "slow")), terms.toString());
        assertEquals("My PostgreSQL query takes 30 seconds", best.evidence().bestExample().prompt());
        assertTrue(best.evidence().fieldScores().containsKey(Field.EXAMPLES));
        assertTrue(d.reason().contains("sql-tuner") && d.reason().contains("postgresql"), d.reason());
        double sumOfFields = best.evidence().fieldScores().values().stream().mapToDouble(Double::doubleValue).sum();
        assertEquals(best.score(), sumOfFields, 1e-6, "field scores add up to the score");
    }

    @Test
    void candidatesAreOrderedAndProbabilitiesFormADistribution() {
        RouteDecision d = router.route(index, Query.of("kubernetes helm chart for a react app"));
        for (int i = 1; i < d.candidates().size(); i++) {
            assertTrue(d.candidates().get(i - 1).score() >= d.candidates().get(i).score());
        }
        double total = d.candidates().stream().mapToDouble(Candidate::probability).sum();
        assertTrue(total <= 1.0 + 1e-9 && total > 0.5, "probabilities sum to " + total);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "what will the weather be like in Paris tomorrow afternoon",
            "recommend a good pasta recipe for dinner tonight",
            "asdf qwerty zxcv"
    })
    void abstainsOnPromptsNoAgentCovers(String prompt) {
        RouteDecision d = router.route(index, Query.of(prompt));
        assertNull(d.agent());
        assertEquals(RouteDecision.Outcome.ABSTAINED, d.outcome());
        assertTrue(d.confidence() < RoutingPolicy.defaults().minConfidence());
        assertTrue(d.reason().startsWith("abstained"), d.reason());
    }

    @Test
    void fallsBackToTheConfiguredAgentInsteadOfAbstaining() {
        RoutingPolicy base = RoutingPolicy.defaults();
        Router withFallback = new Router(new RoutingPolicy(base.minConfidence(), Optional.of("release-writer"),
                base.temperature(), base.maxCandidates(), base.confidence()));
        RouteDecision d = withFallback.route(index, Query.of("recommend a good pasta recipe"));
        assertEquals("release-writer", d.agent());
        assertEquals(RouteDecision.Outcome.FALLBACK, d.outcome());
    }

    @Test
    void aPromptWithoutWordsAbstainsWithAReason() {
        RouteDecision d = router.route(index, Query.of("?! the of and"));
        assertEquals(RouteDecision.Outcome.ABSTAINED, d.outcome());
        assertTrue(d.candidates().isEmpty());
        assertTrue(d.reason().contains("no words"), d.reason());
        assertNull(d.signals());
    }

    @Test
    void anEmptyCatalogAbstains() {
        LexicalIndex empty = LexicalIndex.build(List.of(), new TextAnalyzer(), LexicalSettings.defaults());
        RouteDecision d = router.route(empty, Query.of("slow SQL"));
        assertEquals(RouteDecision.Outcome.ABSTAINED, d.outcome());
        assertTrue(d.reason().contains("no agents"));
    }

    @Test
    void latestTurnOutweighsEarlierOnes() {
        Query q = Conversation.toQuery(List.of(
                new Conversation.Turn("user", "the SQL query on the orders table is slow"),
                new Conversation.Turn("assistant", "Try an index on customer_id."),
                new Conversation.Turn("user", "now write the release notes and changelog for customers")), 0.3);
        assertEquals("release-writer", router.route(index, q).agent());
        assertEquals(2, q.parts().size(), "assistant turns are not routing evidence");
        assertEquals(1.0, q.parts().get(0).weight());
    }

    @Test
    void topKReturnsTheBestIndicesInOrder() {
        assertArrayEquals(new int[] {3, 0, 2}, Router.topK(new double[] {5, 1, 4, 9, 0}, 3));
        assertArrayEquals(new int[] {1, 0}, Router.topK(new double[] {2, 7}, 5));
    }

    @Test
    void snapshotIndexIsBuiltOnceAndReused() {
        CatalogSnapshot snapshot = new CatalogSnapshot(7, "test", Instant.EPOCH, AGENTS, List.of());
        RoutingTable table = RoutingTable.of(snapshot, new TextAnalyzer(), LexicalSettings.defaults());
        assertEquals(4, table.index().size());
        assertNotNull(router.route(table.index(), Query.of("slow SQL")).agent());
    }
}
