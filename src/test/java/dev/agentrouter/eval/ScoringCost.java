package dev.agentrouter.eval;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.routing.Fusion;
import dev.agentrouter.routing.FusionWeights;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.SemanticQuery;
import dev.agentrouter.routing.TextAnalyzer;
import dev.agentrouter.semantic.AgentVectorCache;
import dev.agentrouter.semantic.LocalModels;
import dev.agentrouter.semantic.SemanticIndex;
import dev.agentrouter.semantic.Similarities;

/**
 * What a decision costs once the prompt's vector is known (a prompt-vector cache hit): semantic scoring of every
 * agent, fusion, and the whole decision, on the VoltAgent catalog; p50 over the 384 prompts after warm-up.
 */
public final class ScoringCost {
    public static void main(String[] args) throws IOException {
        EvalData data = new EvalData(EvalData.defaultRoot());
        List<AgentDefinition> agents = EvalData.zeroShot(data.voltAgents());
        Evaluation.Semantic semantic = Evaluation.defaultSemantic();
        SemanticIndex index = new SemanticIndex(semantic.embedder().id(), new AgentVectorCache()
                .vectors(agents, semantic.embedder(), semantic.queryPrefix()).vectors());
        List<String> prompts = data.voltQueries().stream().map(EvalData.LabelledQuery::text).toList();
        float[][] vectors = semantic.embedder().embed(prompts.stream().map(p -> semantic.queryPrefix() + p).toList());
        RoutingTable table = RoutingTable.of(new CatalogSnapshot(1, "volt", java.time.Instant.EPOCH, agents,
                List.of()), new TextAnalyzer(), LexicalSettings.defaults());
        Router router = new Router(RoutingPolicy.defaults());
        double[] lexical = new double[agents.size()];
        long[] score = new long[prompts.size()];
        long[] fuse = new long[prompts.size()];
        long[] decide = new long[prompts.size()];
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < prompts.size(); i++) {
                long t0 = System.nanoTime();
                Similarities s = index.score(vectors[i]);
                long t1 = System.nanoTime();
                Fusion.fuse(lexical, s, FusionWeights.defaults());
                long t2 = System.nanoTime();
                router.route(table.index(), Query.of(prompts.get(i)), SemanticQuery.of(index, vectors[i]));
                long t3 = System.nanoTime();
                score[i] = t1 - t0;
                fuse[i] = t2 - t1;
                decide[i] = t3 - t2;
            }
        }
        System.out.printf(Locale.ROOT, "p50: semantic scoring %.1f us, fusion %.1f us, whole decision %.1f us%n",
                median(score), median(fuse), median(decide));
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e3;
    }
}
