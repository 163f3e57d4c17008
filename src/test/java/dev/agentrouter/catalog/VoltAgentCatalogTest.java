package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The 129 real VoltAgent files of ../shared/eval load with nothing rejected, and the example prompts extracted from
 * their descriptions are exactly the queries the evaluation set lists. Skipped where ../shared/eval is absent.
 */
class VoltAgentCatalogTest {

    private static Path eval;
    private static CatalogSnapshot snapshot;

    @BeforeAll
    static void load() throws IOException {
        eval = Path.of(System.getProperty("agentrouter.eval.dir", "../shared/eval")).toAbsolutePath().normalize();
        Path dir = eval.resolve("agents/voltagent");
        assumeTrue(Files.isDirectory(dir), "VoltAgent catalog not found at " + dir + " (a clone without ../shared)");
        snapshot = new CatalogLoader(new DirectoryCatalogSource(dir), Clock.systemUTC()).load();
    }

    @Test
    void allFilesLoadWithNothingRejected() {
        assertEquals(List.of(), snapshot.rejected());
        assertEquals(129, snapshot.agents().size());
        snapshot.agents().forEach(a -> {
            assertFalse(a.description().contains("<example>"), a.name());
            assertFalse(a.description().contains("\\n"), a.name() + " keeps literal \\n");
            assertFalse(a.systemPrompt().isBlank(), a.name());
        });
        assertTrue(snapshot.agent("terragrunt-expert").orElseThrow().examples().isEmpty());
    }

    @Test
    void extractedExamplesAreTheEvaluationQueries() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int checked = 0;
        for (String line : Files.readAllLines(eval.resolve("voltagent.queries.jsonl"))) {
            JsonNode q = mapper.readTree(line);
            AgentDefinition agent = snapshot.agent(q.get("agent").asText()).orElseThrow();
            AgentExample example = agent.examples().get(q.get("example_index").asInt());
            assertEquals(q.get("query").asText(), example.userPrompt(), agent.name());
            assertEquals(q.get("context").asText(), example.context(), agent.name());
            checked++;
        }
        assertEquals(384, checked);
    }

    @Test
    void theSeedAgentLoadsToo() throws IOException {
        Path seed = eval.resolveSibling("seed");
        assumeTrue(Files.isDirectory(seed), "seed agent not found at " + seed);
        CatalogSnapshot s = new CatalogLoader(new DirectoryCatalogSource(seed), Clock.systemUTC()).load();
        assertEquals(List.of(), s.rejected());
        assertEquals(3, s.agent("backend-developer").orElseThrow().examples().size());
    }
}
