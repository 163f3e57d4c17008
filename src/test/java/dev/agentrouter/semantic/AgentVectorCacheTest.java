package dev.agentrouter.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;

class AgentVectorCacheTest {

    private static AgentDefinition agent(String name, String description, String body, String... examples) {
        return new AgentDefinition(name, description, java.util.Arrays.stream(examples).map(AgentExample::ofPrompt)
                .toList(), "sonnet", List.of(), null, Map.of(), body, name + ".md",
                AgentDefinition.FrontmatterMode.YAML, name + description + body);
    }

    private final AgentDefinition db = agent("db-expert", "Tunes SQL databases", "You tune queries.\n\nIndexes.");
    private final AgentDefinition ui = agent("ui-expert", "Builds React pages", "You build pages.", "fix my css");
    private final AgentDefinition ops = agent("ops", "Deploys to Kubernetes", "You write Helm charts.");

    @Test
    void aReloadEmbedsOnlyTheAgentsWhoseTextChanged() {
        AgentVectorCache cache = new AgentVectorCache();
        ConceptEmbedder model = new ConceptEmbedder();

        AgentVectorCache.Result first = cache.vectors(List.of(db, ui, ops), model);
        assertEquals(3, first.embedded());
        assertEquals(3, model.calls.get(), "one call per agent");

        AgentDefinition uiEdited = agent("ui-expert", "Builds React pages and fixes slow rendering",
                "You build pages.", "fix my css");
        AgentVectorCache.Result second = cache.vectors(List.of(db, uiEdited, ops), model);
        assertEquals(1, second.embedded());
        assertEquals(2, second.reused());
        assertEquals(4, model.calls.get(), "only the edited agent was embedded again");
        assertSame(first.vectors().get(0), second.vectors().get(0));
        assertSame(first.vectors().get(2), second.vectors().get(2));
    }

    @Test
    void removedAgentsLeaveTheCache() {
        AgentVectorCache cache = new AgentVectorCache();
        ConceptEmbedder model = new ConceptEmbedder();
        cache.vectors(List.of(db, ui, ops), model);
        cache.vectors(List.of(db), model);
        assertEquals(1, cache.size());
    }

    @Test
    void anotherModelEmbedsEverythingAgain() {
        AgentVectorCache cache = new AgentVectorCache();
        cache.vectors(List.of(db, ui), new ConceptEmbedder("model-a"));
        ConceptEmbedder other = new ConceptEmbedder("model-b");
        assertEquals(2, cache.vectors(List.of(db, ui), other).embedded());
    }

    @Test
    void vectorsHaveOnePartPerText() {
        AgentVectors v = new AgentVectorCache().vectors(List.of(db, ui), new ConceptEmbedder()).vectors().get(1);
        assertEquals(1, v.sections().length);
        assertEquals(1, v.examples().length);
        AgentVectors dbVectors = new AgentVectorCache().vectors(List.of(db), new ConceptEmbedder()).vectors().get(0);
        assertEquals(1, dbVectors.sections().length, "two short paragraphs merge into one section");
        assertEquals(0, dbVectors.examples().length);
    }

    @Test
    void aFailingModelLeavesTheCacheAsItWas() {
        AgentVectorCache cache = new AgentVectorCache();
        cache.vectors(List.of(db), new ConceptEmbedder());
        Embedder broken = new Embedder() {
            @Override
            public String id() {
                return "concepts";
            }

            @Override
            public float[][] embed(List<String> texts) {
                throw new EmbeddingException("down");
            }
        };
        assertThrows(EmbeddingException.class, () -> cache.vectors(List.of(db, ui), broken));
        assertEquals(1, cache.size());
    }

    @Test
    void examplesAreEmbeddedAsPromptsAreAndThePrefixIsPartOfTheKey() {
        List<String> seen = new java.util.ArrayList<>();
        Embedder recording = new Embedder() {
            @Override
            public String id() {
                return "concepts";
            }

            @Override
            public float[][] embed(List<String> texts) {
                seen.addAll(texts);
                return new ConceptEmbedder().embed(texts);
            }
        };
        AgentVectorCache cache = new AgentVectorCache();
        cache.vectors(List.of(ui), recording, "query: ");
        assertEquals(List.of("ui expert: Builds React pages", "You build pages.", "You build pages.",
                "query: fix my css"), seen, "description, body, its one section, then the example with the prefix");

        seen.clear();
        assertEquals(1, cache.vectors(List.of(ui), recording, "").embedded(), "another prefix: embedded again");
        assertEquals("fix my css", seen.get(3));
        assertEquals(0, cache.vectors(List.of(ui), recording, "").embedded());
    }
}
