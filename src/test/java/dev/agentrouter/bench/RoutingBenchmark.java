package dev.agentrouter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogLoader;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.catalog.DirectoryCatalogSource;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.TextAnalyzer;

/**
 * Latency of one routing decision (analysis, scoring, decision and explanation of the top candidates) on the VoltAgent
 * catalog (129 agents, examples stripped as in the zero-shot protocol) and on that catalog replicated to 1,032 agents.
 * Queries are the 384 VoltAgent example prompts, taken in turn. Sample mode, so JMH reports p50/p90/p99.
 *
 * <p>Run: {@code ./mvnw -q -Pbench test-compile exec:exec} (needs ../shared/eval).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class RoutingBenchmark {

    private static final Pattern QUERY = Pattern.compile("\"query\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Number of agents: the real catalog, or copies of it with distinct names. */
    @Param({"129", "1032"})
    public int agents;

    private RoutingTable table;
    private Router router;
    private List<Query> queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path eval = Path.of(System.getProperty("agentrouter.eval.dir", "../shared/eval"));
        Path dir = eval.resolve("agents/voltagent");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("benchmark needs the VoltAgent catalog at " + dir.toAbsolutePath());
        }
        CatalogSnapshot real = new CatalogLoader(new DirectoryCatalogSource(dir), Clock.systemUTC()).load();
        List<AgentDefinition> catalog = new ArrayList<>();
        for (int copy = 0; catalog.size() < agents; copy++) {
            for (AgentDefinition a : real.agents()) {
                if (catalog.size() == agents) {
                    break;
                }
                catalog.add(zeroShot(a, copy));
            }
        }
        CatalogSnapshot snapshot = new CatalogSnapshot(1, dir.toString(), real.loadedAt(), catalog, List.of());
        table = RoutingTable.of(snapshot, new TextAnalyzer(), LexicalSettings.defaults());
        router = new Router(RoutingPolicy.defaults());
        queries = new ArrayList<>();
        for (String line : Files.readAllLines(eval.resolve("voltagent.queries.jsonl"))) {
            Matcher m = QUERY.matcher(line);
            if (m.find()) {
                queries.add(Query.of(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\")));
            }
        }
    }

    /** The agent without its examples (zero-shot), renamed for copies after the first. */
    private static AgentDefinition zeroShot(AgentDefinition a, int copy) {
        String name = copy == 0 ? a.name() : a.name() + "-copy" + copy;
        return new AgentDefinition(name, a.description(), List.of(), a.model(), a.tools(), a.color(), a.extra(),
                a.systemPrompt(), a.source(), a.frontmatter(), a.contentHash());
    }

    /** Query analysis and scoring of every agent only: the part that grows with the catalog. */
    @Benchmark
    public double[] scoreOnly() {
        Query q = queries.get(next);
        next = next + 1 == queries.size() ? 0 : next + 1;
        return table.index().score(table.index().resolve(table.index().analyze(q)));
    }

    /** A full decision as /v1/route makes it: scoring, confidence, and evidence for the top candidates. */
    @Benchmark
    public RouteDecision route() {
        Query q = queries.get(next);
        next = next + 1 == queries.size() ? 0 : next + 1;
        return router.route(table.index(), q);
    }
}
