package dev.agentrouter.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.SemanticQuery;
import dev.agentrouter.routing.TextAnalyzer;
import dev.agentrouter.semantic.AgentVectorCache;
import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.InferenceSettings;
import dev.agentrouter.semantic.LocalModels;
import dev.agentrouter.semantic.SemanticIndex;

/**
 * Hybrid routing latency per prompt, nothing cached: the in-process model embeds every prompt. Prints p50/p99 of the
 * whole decision and of the inference alone over the VoltAgent prompts (129 agents), after warm-up passes, with
 * {@code callers} threads routing at once (each takes every callers-th prompt); also the time to embed the catalog.
 *
 * <p>Run: {@code ./mvnw -q -Peval test-compile exec:java -Deval.main=dev.agentrouter.eval.SemanticLatency}, with
 * {@code -Deval.args="all-minilm-l6-v2-q --threads 2 --spinning --callers 2 --query-instruction"} or
 * {@code --versus-instruction} (the instruction's cost, paired per prompt) as wanted (defaults: bge-small, the
 * product's {@link InferenceSettings#defaults()}, one caller). "On one core": {@code taskset -c 0} in front.
 */
public final class SemanticLatency {

    private static final int WARM_UP_PASSES = 3;

    private SemanticLatency() {}

    public static void main(String[] args) throws Exception {
        String model = LocalModels.BGE_SMALL;
        int threads = InferenceSettings.defaults().threads();
        boolean instruction = false;
        boolean versusInstruction = false;
        boolean spinning = false;
        int callers = 1;
        for (int i = 2; i < args.length; i++) { // 0, 1: --eval-dir <dir>
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--spinning" -> spinning = true;
                case "--callers" -> callers = Integer.parseInt(args[++i]);
                case "--query-instruction" -> instruction = true;
                case "--versus-instruction" -> versusInstruction = true;
                default -> model = args[i];
            }
        }
        EvalData data = new EvalData(EvalData.defaultRoot());
        List<AgentDefinition> agents = EvalData.zeroShot(data.voltAgents());
        List<String> prompts = data.voltQueries().stream().map(EvalData.LabelledQuery::text).toList();

        InferenceSettings settings = new InferenceSettings(threads, spinning);
        long loadStart = System.nanoTime();
        Embedder embedder = LocalModels.load(model, settings);
        long loaded = System.nanoTime();
        String prefix = instruction ? LocalModels.BGE_QUERY_INSTRUCTION : "";
        var agentVectors = new AgentVectorCache().vectors(agents, embedder, prefix).vectors();
        long embedded = System.nanoTime();
        SemanticIndex vectors = new SemanticIndex(embedder.id(), agentVectors);
        long indexed = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s%s, %d inference thread(s), spinning %s, %d caller(s), %d processor(s):"
                        + " model loaded in %.2f s; %d agents embedded in %.1f s (1 caller); index with classifier"
                        + " built in %.2f s%n", model, instruction ? " (with bge's query instruction)" : "",
                settings.threads(), spinning ? "on" : "off", callers,
                Runtime.getRuntime().availableProcessors(), (loaded - loadStart) / 1e9, agents.size(),
                (embedded - loaded) / 1e9, (indexed - embedded) / 1e9);

        RoutingTable table = RoutingTable.of(new CatalogSnapshot(1, "volt", java.time.Instant.EPOCH, agents,
                List.of()), new TextAnalyzer(), LexicalSettings.defaults());
        Router router = new Router(RoutingPolicy.defaults());
        long[] total = new long[prompts.size()];
        long[] inference = new long[prompts.size()];
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                run(pool, callers, prompts, prefix, embedder, router, table, vectors, total, inference);
            }
            long wall = run(pool, callers, prompts, prefix, embedder, router, table, vectors, total, inference);
            System.out.printf(Locale.ROOT, "per prompt (n=%d): total p50 %.2f ms, p99 %.2f ms; inference p50 %.2f ms,"
                            + " p99 %.2f ms; scoring and fusion p50 %.3f ms; %.0f prompts/s%n", prompts.size(),
                    ms(total, 0.5), ms(total, 0.99), ms(inference, 0.5), ms(inference, 0.99),
                    scoringMedian(total, inference), prompts.size() / (wall / 1e9));
            if (versusInstruction) {
                compareInstruction(prompts, embedder);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The query instruction's cost, paired: each prompt is embedded without and with bge's instruction, one after the
     * other, so both see the same machine (a shared machine's load shifts between separate runs).
     */
    private static void compareInstruction(List<String> prompts, Embedder embedder) {
        long[] plain = new long[prompts.size()];
        long[] instructed = new long[prompts.size()];
        for (int pass = 0; pass <= WARM_UP_PASSES; pass++) { // the last pass is the one kept
            for (int i = 0; i < prompts.size(); i++) {
                long t0 = System.nanoTime();
                embedder.embed(List.of(prompts.get(i)));
                long t1 = System.nanoTime();
                embedder.embed(List.of(LocalModels.BGE_QUERY_INSTRUCTION + prompts.get(i)));
                plain[i] = t1 - t0;
                instructed[i] = System.nanoTime() - t1;
            }
        }
        System.out.printf(Locale.ROOT, "paired inference (n=%d): without the query instruction p50 %.2f ms, p99 %.2f"
                        + " ms; with it p50 %.2f ms, p99 %.2f ms (p50 ratio %.2f)%n", prompts.size(), ms(plain, 0.5),
                ms(plain, 0.99), ms(instructed, 0.5), ms(instructed, 0.99), ms(instructed, 0.5) / ms(plain, 0.5));
    }

    /** Routes every prompt once, {@code callers} at a time; fills the per-prompt timings and returns the wall time. */
    private static long run(ExecutorService pool, int callers, List<String> prompts, String prefix, Embedder embedder,
                            Router router, RoutingTable table, SemanticIndex vectors, long[] total, long[] inference)
            throws Exception {
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int first = c;
            done.add(pool.submit(() -> {
                for (int i = first; i < prompts.size(); i += callers) {
                    String p = prompts.get(i);
                    long t0 = System.nanoTime();
                    float[] v = embedder.embed(List.of(prefix + p))[0];
                    long t1 = System.nanoTime();
                    router.route(table.index(), Query.of(p), SemanticQuery.of(vectors, v));
                    total[i] = System.nanoTime() - t0;
                    inference[i] = t1 - t0;
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        return System.nanoTime() - start;
    }

    private static double ms(long[] nanos, double q) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
    }

    private static double scoringMedian(long[] total, long[] inference) {
        long[] rest = new long[total.length];
        for (int i = 0; i < total.length; i++) {
            rest[i] = total[i] - inference[i];
        }
        return ms(rest, 0.5);
    }
}
