package dev.agentrouter.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.CatalogSnapshot;
import dev.agentrouter.routing.Candidate;
import dev.agentrouter.routing.LexicalIndex;
import dev.agentrouter.routing.SemanticQuery;
import dev.agentrouter.semantic.AgentVectorCache;
import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.LocalModels;
import dev.agentrouter.semantic.SemanticIndex;
import dev.agentrouter.semantic.Similarities;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.routing.Router;
import dev.agentrouter.routing.RoutingPolicy;
import dev.agentrouter.routing.RoutingTable;
import dev.agentrouter.routing.TextAnalyzer;

/** Routes labelled queries through the product's router and tallies what a reader needs to judge it. */
final class Evaluation {

    /** One routed query: the expected agent, the ranking, the decision's confidence and whether it abstained. */
    record Outcome(String expected, List<String> ranking, double confidence, boolean abstained,
                   RouteDecision.Signals signals) {
        boolean top1() {
            return !ranking.isEmpty() && ranking.get(0).equals(expected);
        }

        boolean topK(int k) {
            return ranking.subList(0, Math.min(k, ranking.size())).contains(expected);
        }
    }

    /** Aggregates over a set of outcomes. */
    record Report(String name, List<Outcome> outcomes, long nanos) {

        int n() {
            return outcomes.size();
        }

        double top1() {
            return outcomes.stream().filter(Outcome::top1).count() / (double) n();
        }

        double top5() {
            return outcomes.stream().filter(o -> o.topK(5)).count() / (double) n();
        }

        double abstained() {
            return outcomes.stream().filter(Outcome::abstained).count() / (double) n();
        }

        /** Accuracy of the decisions the router did make (not abstained). */
        double accuracyWhenRouted() {
            List<Outcome> routed = outcomes.stream().filter(o -> !o.abstained()).toList();
            return routed.isEmpty() ? 0 : routed.stream().filter(Outcome::top1).count() / (double) routed.size();
        }

        /** Most frequent (expected → predicted) mistakes. */
        List<Map.Entry<String, Long>> confusions(int limit) {
            return outcomes.stream().filter(o -> !o.top1() && !o.ranking().isEmpty())
                    .collect(Collectors.groupingBy(o -> o.expected() + " -> " + o.ranking().get(0),
                            Collectors.counting()))
                    .entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit)
                    .toList();
        }

        String summary() {
            return String.format(Locale.ROOT,
                    "%-34s n=%4d  top-1 %5.1f%%  top-5 %5.1f%%  abstained %5.1f%%  accuracy when routed %5.1f%%"
                            + "  mean %.1f us/query",
                    name, n(), 100 * top1(), 100 * top5(), 100 * abstained(), 100 * accuracyWhenRouted(),
                    nanos / 1000.0 / Math.max(1, n()));
        }

        static Report merge(String name, List<Report> parts) {
            List<Outcome> all = new ArrayList<>();
            long nanos = 0;
            for (Report r : parts) {
                all.addAll(r.outcomes());
                nanos += r.nanos();
            }
            return new Report(name, all, nanos);
        }
    }

    /** The embedding model and query prefix of a hybrid evaluation. */
    record Semantic(Embedder embedder, String queryPrefix) {}

    private final RoutingPolicy policy;
    private final LexicalSettings settings;
    private final Semantic semantic;

    Evaluation(RoutingPolicy policy, LexicalSettings settings) {
        this(policy, settings, null);
    }

    Evaluation(RoutingPolicy policy, LexicalSettings settings, Semantic semantic) {
        this.policy = policy;
        this.settings = settings;
        this.semantic = semantic;
    }

    static Evaluation defaults() {
        return new Evaluation(RoutingPolicy.defaults(), LexicalSettings.defaults());
    }

    /** The product's default hybrid routing: the default policy and in-process model, vectors cached under target/. */
    static Evaluation hybridDefaults() {
        return new Evaluation(RoutingPolicy.defaults(), LexicalSettings.defaults(), defaultSemantic());
    }

    /** Like {@link #hybridDefaults()} with another in-process model and text in front of every prompt. */
    static Evaluation hybrid(String model, String queryPrefix) {
        return new Evaluation(RoutingPolicy.defaults(), LexicalSettings.defaults(), semantic(model, queryPrefix));
    }

    static Semantic defaultSemantic() {
        return semantic(LocalModels.BGE_SMALL, "");
    }

    /** An in-process model whose vectors are cached under target/embedding-cache, and the prompts' prefix. */
    private static Semantic semantic(String model, String queryPrefix) {
        return new Semantic(new CachingEmbedder(LocalModels.load(model), Path.of("target", "embedding-cache")),
                queryPrefix);
    }

    Evaluation withPolicy(RoutingPolicy other) {
        return new Evaluation(other, settings, semantic);
    }

    /** One labelled query with everything ranking needs, for fitting fusion weights without re-embedding. */
    record Case(String expected, List<String> agents, double[] lexical, Similarities similarities) {}

    List<Case> cases(List<AgentDefinition> agents, List<EvalData.LabelledQuery> queries) {
        LexicalIndex index = LexicalIndex.build(agents, new TextAnalyzer(), settings);
        SemanticIndex vectors = semanticIndex(agents);
        List<String> names = agents.stream().map(AgentDefinition::name).toList();
        List<Case> cases = new ArrayList<>();
        for (EvalData.LabelledQuery q : queries) {
            LexicalIndex.IndexedQuery iq = index.resolve(index.analyze(Query.of(q.text())));
            double[] lexical = iq.isEmpty() ? new double[agents.size()] : index.score(iq);
            cases.add(new Case(q.agent(), names, lexical, vectors.score(queryVector(q.text()))));
        }
        return cases;
    }

    private SemanticIndex semanticIndex(List<AgentDefinition> agents) {
        return new SemanticIndex(semantic.embedder().id(),
                new AgentVectorCache().vectors(agents, semantic.embedder(), semantic.queryPrefix()).vectors());
    }

    private float[] queryVector(String text) {
        return semantic.embedder().embed(List.of(semantic.queryPrefix() + text))[0];
    }

    Report run(String name, List<AgentDefinition> agents, List<EvalData.LabelledQuery> queries) {
        CatalogSnapshot snapshot = new CatalogSnapshot(1, name, java.time.Instant.EPOCH, agents, List.of());
        RoutingTable table = RoutingTable.of(snapshot, new TextAnalyzer(), settings);
        Router router = new Router(new RoutingPolicy(policy.minConfidence(), Optional.empty(), policy.temperature(),
                Math.max(5, policy.maxCandidates()), policy.confidence(), policy.fusion(), policy.hybridConfidence()));
        SemanticIndex vectors = semantic == null ? null : semanticIndex(agents);
        List<Outcome> outcomes = new ArrayList<>(queries.size());
        long start = System.nanoTime();
        for (EvalData.LabelledQuery q : queries) {
            SemanticQuery sq = vectors == null ? SemanticQuery.OFF : SemanticQuery.of(vectors, queryVector(q.text()));
            RouteDecision d = router.route(table.index(), Query.of(q.text()), sq);
            List<String> ranking = d.candidates().stream().map(Candidate::agent).toList();
            outcomes.add(new Outcome(q.agent(), ranking, d.confidence(), d.agent() == null, d.signals()));
        }
        return new Report(name, outcomes, System.nanoTime() - start);
    }

    /** Coverage and accuracy if the threshold were each of {@code thresholds}; confidences are kept per outcome. */
    static String thresholdSweep(Report inDomain, Report offTopic, double... thresholds) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "  %-9s %-22s %-24s %s%n", "threshold", "in-domain routed", "accuracy when routed",
                "off-topic routed"));
        for (double t : thresholds) {
            List<Outcome> routed = inDomain.outcomes().stream().filter(o -> o.confidence() >= t).toList();
            double acc = routed.isEmpty() ? 0 : routed.stream().filter(Outcome::top1).count() / (double) routed.size();
            double off = offTopic == null ? Double.NaN
                    : offTopic.outcomes().stream().filter(o -> o.confidence() >= t).count() / (double) offTopic.n();
            out.append(String.format(Locale.ROOT, "  %-9.2f %-22s %-24s %s%n", t,
                    pct(routed.size() / (double) inDomain.n()), pct(acc), Double.isNaN(off) ? "-" : pct(off)));
        }
        return out.toString();
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
