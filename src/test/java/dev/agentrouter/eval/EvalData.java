package dev.agentrouter.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;
import dev.agentrouter.catalog.CatalogLoader;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.catalog.DirectoryCatalogSource;

/**
 * Reads the public evaluation data in {@code ../shared/eval} (never copied into the project) and builds the agent
 * catalogs its README prescribes. Agents are loaded by the product's own loader.
 */
final class EvalData {

    /** A prompt and the agent it should reach; {@code exampleIndex} is its position among the agent's examples. */
    record LabelledQuery(String text, String agent, int exampleIndex) {}

    private final Path root;

    EvalData(Path root) {
        this.root = root;
    }

    /** The directory named by the system property {@code agentrouter.eval.dir}, default {@code ../shared/eval}. */
    static Path defaultRoot() {
        return Path.of(System.getProperty("agentrouter.eval.dir", "../shared/eval")).toAbsolutePath().normalize();
    }

    boolean exists() {
        return Files.isDirectory(root.resolve("agents/voltagent"));
    }

    Path root() {
        return root;
    }

    /** The VoltAgent catalog as the router loads it, with every rejection reported as a failure. */
    List<AgentDefinition> voltAgents() throws IOException {
        CatalogSnapshot snapshot = new CatalogLoader(new DirectoryCatalogSource(root.resolve("agents/voltagent")),
                Clock.systemUTC()).load();
        if (!snapshot.rejected().isEmpty()) {
            throw new IllegalStateException("VoltAgent files rejected: " + snapshot.rejected());
        }
        return snapshot.agents();
    }

    List<LabelledQuery> voltQueries() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<LabelledQuery> queries = new ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("voltagent.queries.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            queries.add(new LabelledQuery(n.get("query").asText(), n.get("agent").asText(),
                    n.get("example_index").asInt()));
        }
        return queries;
    }

    /** Protocol A: every agent without examples. */
    static List<AgentDefinition> zeroShot(List<AgentDefinition> agents) {
        return agents.stream().map(a -> withExamples(a, List.of())).toList();
    }

    /** Protocol C, round r: every agent keeps its examples except the r-th. */
    static List<AgentDefinition> leaveOneOut(List<AgentDefinition> agents, int round) {
        List<AgentDefinition> out = new ArrayList<>();
        for (AgentDefinition a : agents) {
            List<AgentExample> kept = new ArrayList<>(a.examples());
            if (round < kept.size()) {
                kept.remove(round);
            }
            out.add(withExamples(a, kept));
        }
        return out;
    }

    static AgentDefinition withExamples(AgentDefinition a, List<AgentExample> examples) {
        return new AgentDefinition(a.name(), a.description(), examples, a.model(), a.tools(), a.color(), a.extra(),
                a.systemPrompt(), a.source(), a.frontmatter(), a.contentHash());
    }

    /**
     * Banking77, 10-shot: one agent per category, named after it, described by the category with spaces, with the
     * first {@code shots} rows of that category in train.csv order as its examples.
     */
    List<AgentDefinition> bankingAgents(int shots) throws IOException {
        Map<String, List<AgentExample>> examples = new LinkedHashMap<>();
        for (String[] row : csv(root.resolve("intents/banking77/train.csv"))) {
            List<AgentExample> list = examples.computeIfAbsent(row[1], k -> new ArrayList<>());
            if (list.size() < shots) {
                list.add(AgentExample.ofPrompt(row[0]));
            }
        }
        List<AgentDefinition> agents = new ArrayList<>();
        examples.forEach((category, list) -> agents.add(new AgentDefinition(category, category.replace('_', ' '),
                list, null, List.of(), null, Map.of(), "", "banking77/" + category, AgentDefinition.FrontmatterMode.YAML,
                category)));
        return agents;
    }

    /**
     * Banking77 train rows that are not among a category's first {@code shots} (so not agent examples): rows
     * {@code shots+1 .. shots+perCategory} of each category. Used to fit parameters without touching test.csv.
     */
    List<LabelledQuery> bankingHeldOutTrain(int shots, int perCategory) throws IOException {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<LabelledQuery> queries = new ArrayList<>();
        for (String[] row : csv(root.resolve("intents/banking77/train.csv"))) {
            int i = seen.merge(row[1], 1, Integer::sum);
            if (i > shots && i <= shots + perCategory) {
                queries.add(new LabelledQuery(row[0], row[1], -1));
            }
        }
        return queries;
    }

    List<LabelledQuery> bankingTest() throws IOException {
        List<LabelledQuery> queries = new ArrayList<>();
        for (String[] row : csv(root.resolve("intents/banking77/test.csv"))) {
            queries.add(new LabelledQuery(row[0], row[1], -1));
        }
        return queries;
    }

    /** Rows of a CSV file with a header (RFC 4180: quoted fields may hold commas, "" and line breaks). */
    static List<String[]> csv(Path file) throws IOException {
        String text = Files.readString(file);
        List<String[]> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row.toArray(new String[0]));
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row.toArray(new String[0]));
        }
        List<String[]> data = new ArrayList<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r.length >= 2 && !r[1].isBlank()) {
                data.add(new String[] {r[0].strip(), r[1].strip()});
            }
        }
        return data;
    }
}
