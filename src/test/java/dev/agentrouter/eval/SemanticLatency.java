package dev.agentrouter.eval;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.SemanticQuery;
import dev.agentrouter.routing.TextAnalyzer;
import dev.agentrouter.semantic.AgentVectorCache;
import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.LocalModels;
import dev.agentrouter.semantic.SemanticIndex;

/**
 * Hybrid routing latency per prompt on one thread, nothing cached: the in-process model embeds every prompt. Prints
 * p50/p99 of the whole decision and of the inference alone, over the VoltAgent prompts (129 agents), after a warm-up
 * pass; also the time to embed the catalog.
 *
 * <p>Run: {@code ./mvnw -q -Peval test-compile exec:java -Deval.main=dev.agentrouter.eval.SemanticLatency}
 * (optionally {@code -Deval.args=all-minilm-l6-v2-q}).
 */
public final class SemanticLatency {

    private SemanticLatency() {}

    public static void main(String[] args) throws IOException {
        String model = args.length > 2 ? args[2] : LocalModels.BGE_SMALL;
        EvalData data = new EvalData(EvalData.defaultRoot());
        List<AgentDefinition> agents = EvalData.zeroShot(data.voltAgents());
        List<String> prompts = data.voltQueries().stream().map(EvalData.LabelledQuery::text).toList();

        long loadStart = System.nanoTime();
        Embedder embedder = LocalModels.load(model);
        long loaded = System.nanoTime();
        String prefix = LocalModels.defaultQueryPrefix(model);
        var agentVectors = new AgentVectorCache().vectors(agents, embedder, prefix).vectors();
        long embedded = System.nanoTime();
        SemanticIndex vectors = new SemanticIndex(embedder.id(), agentVectors);
        long indexed = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s: model loaded in %.2f s; %d agents embedded in %.1f s (1 thread);"
                        + " index with classifier built in %.2f s%n", model, (loaded - loadStart) / 1e9, agents.size(),
                (embedded - loaded) / 1e9, (indexed - embedded) / 1e9);

        RoutingTable table = RoutingTable.of(new CatalogSnapshot(1, "volt", java.time.Instant.EPOCH, agents,
                List.of()), new TextAnalyzer(), LexicalSettings.defaults());
        Router router = new Router(RoutingPolicy.defaults());
        for (String p : prompts) { // warm-up
            router.route(table.index(), Query.of(p), SemanticQuery.of(vectors, embedder.embed(List.of(prefix + p))[0]));
        }
        long[] total = new long[prompts.size()];
        long[] inference = new long[prompts.size()];
        for (int i = 0; i < prompts.size(); i++) {
            String p = prompts.get(i);
            long start = System.nanoTime();
            float[] v = embedder.embed(List.of(prefix + p))[0];
            long afterInference = System.nanoTime();
            router.route(table.index(), Query.of(p), SemanticQuery.of(vectors, v));
            total[i] = System.nanoTime() - start;
            inference[i] = afterInference - start;
        }
        System.out.printf(Locale.ROOT, "per prompt (n=%d): total p50 %.2f ms, p99 %.2f ms; inference p50 %.2f ms,"
                        + " p99 %.2f ms; scoring and fusion p50 %.3f ms%n", prompts.size(), ms(total, 0.5),
                ms(total, 0.99), ms(inference, 0.5), ms(inference, 0.99), scoringMedian(total, inference));
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
