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
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        if (Files.isDirectory(dir)) {
            snapshot = new CatalogLoader(new DirectoryCatalogSource(dir), Clock.systemUTC()).load();
        }
    }

    /** Per test, so that each one is reported as skipped, with the reason, in a clone without ../shared. */
    @BeforeEach
    void requireEvalData() {
        assumeTrue(snapshot != null, "../shared/eval not found at " + eval + " (a clone without ../shared)");
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
        assertEquals(checked, snapshot.agents().stream().mapToInt(a -> a.examples().size()).sum(),
                "no example beyond those the evaluation lists");
    }

    /** A few files checked field by field: name, tools, model, description without examples, example prompts. */
    static Stream<Arguments> sampleFiles() {
        List<String> tools = List.of("Read", "Write", "Edit", "Bash", "Glob", "Grep");
        return Stream.of(
                Arguments.of("api-designer.md", "api-designer", tools, "sonnet",
                        "Use this agent when designing new APIs, creating API specifications, or refactoring existing"
                                + " API architecture for scalability and developer experience. Invoke when you need"
                                + " REST/GraphQL endpoint design, OpenAPI documentation, authentication patterns, or"
                                + " API versioning strategies.",
                        List.of("Design a REST API for a payment processing service with endpoints for transactions,"
                                        + " refunds, and webhooks",
                                "We need to migrate our REST API to GraphQL. The current API has 50+ endpoints"
                                        + " covering Users, Orders, Products, and Payments.",
                                "Our API has reached 100K daily active clients but we need to add breaking changes."
                                        + " How should we version it?")),
                Arguments.of("sql-pro.md", "sql-pro", tools, "sonnet", null,
                        List.of("My analytics query is taking 8 seconds and needs to run in <500ms. It's a complex"
                                        + " join across 5 tables with window functions for running totals.",
                                "Help me design a data warehouse schema for our analytics platform. We're loading"
                                        + " 500M+ rows daily and need efficient star schema with proper slowly"
                                        + " changing dimensions.",
                                "Our database is experiencing frequent deadlocks during peak hours. We're running SQL"
                                        + " Server with heavy concurrent transactions. How can we fix this without"
                                        + " rewriting application logic?")),
                Arguments.of("terragrunt-expert.md", "terragrunt-expert", tools, "sonnet", null, List.of()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("sampleFiles")
    void sampleFilesParseFieldByField(String file, String name, List<String> tools, String model, String description,
                                      List<String> prompts) throws Exception {
        Path path = eval.resolve("agents/voltagent").resolve(file);
        AgentDefinition a = AgentFileParser.parse(file, Files.readAllBytes(path));
        assertEquals(name, a.name());
        assertEquals(tools, a.tools());
        assertEquals(model, a.model());
        assertEquals(AgentDefinition.FrontmatterMode.YAML, a.frontmatter());
        if (description != null) {
            assertEquals(description, a.description());
        }
        assertEquals(prompts, a.examples().stream().map(AgentExample::userPrompt).toList());
        assertEquals(a, snapshot.agent(name).orElseThrow(), "the directory load reads the same file the same way");
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
