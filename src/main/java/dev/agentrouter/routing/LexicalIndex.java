package dev.agentrouter.routing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;

/**
 * BM25F statistics for one catalog snapshot, built once so that scoring a prompt touches only the posting lists of
 * its own terms. An agent's fields (name, description without examples, example prompts, body) are length-normalised
 * separately and combined with per-field weights before saturation, so a long body cannot drown a short description.
 */
public final class LexicalIndex {

    /** Per-agent, per-field term frequencies while the index is built. */
    private record AgentFields(Map<Field, Map<String, Integer>> termFrequencies, List<List<String>> exampleTerms) {}

    /**
     * Documents (agents, or examples) containing a term, and the term's saturated BM25 weight in each,
     * {@code tf / (k1 + tf)} with {@code tf} length-normalised (and, for agents, field-weighted). For agents, the
     * same positions also hold what explaining a decision needs — the weighted frequency per field
     * ({@code fieldTf[i * FIELDS + field.ordinal()]}) and which of the agent's first 64 examples contain the term —
     * so an explanation reads the posting lists that scoring just walked instead of per-agent tables.
     */
    private record Postings(int[] docs, float[] saturated, double idf, float[] fieldTf, long[] exampleMasks) {

        /** Position of {@code doc} in this list, or -1. */
        int find(int doc) {
            int i = java.util.Arrays.binarySearch(docs, doc);
            return i < 0 ? -1 : i;
        }
    }

    private static final int FIELDS = Field.values().length;

    /**
     * A query's terms resolved against this index once, so scoring, confidence and explanation do not look each
     * term up again.
     */
    public static final class IndexedQuery {
        private final AnalyzedQuery query;
        private final Postings[] postings;
        private final Postings[] examplePostings;

        private IndexedQuery(AnalyzedQuery query, Postings[] postings, Postings[] examplePostings) {
            this.query = query;
            this.postings = postings;
            this.examplePostings = examplePostings;
        }

        public boolean isEmpty() {
            return query.isEmpty();
        }
    }

    private final List<AgentDefinition> agents;
    private final TextAnalyzer analyzer;
    private final LexicalSettings settings;
    private final Map<String, Postings> postings;
    private final Map<String, Postings> examplePostings;
    /** Agent index of each example, in example-id order. */
    private final int[] exampleOwner;
    private final double maxIdf;

    private LexicalIndex(List<AgentDefinition> agents, TextAnalyzer analyzer, LexicalSettings settings,
                         Map<String, Postings> postings, Map<String, Postings> examplePostings, int[] exampleOwner,
                         double maxIdf) {
        this.agents = agents;
        this.analyzer = analyzer;
        this.settings = settings;
        this.postings = postings;
        this.examplePostings = examplePostings;
        this.exampleOwner = exampleOwner;
        this.maxIdf = maxIdf;
    }

    public static LexicalIndex build(List<AgentDefinition> agents, TextAnalyzer analyzer, LexicalSettings settings) {
        int n = agents.size();
        List<AgentFields> fields = new ArrayList<>(n);
        EnumMap<Field, double[]> lengths = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            lengths.put(f, new double[n]);
        }
        for (int a = 0; a < n; a++) {
            AgentDefinition agent = agents.get(a);
            EnumMap<Field, Map<String, Integer>> tf = new EnumMap<>(Field.class);
            List<List<String>> exampleTerms = new ArrayList<>();
            for (AgentExample e : agent.examples()) {
                exampleTerms.add(analyzer.terms(e.userPrompt()));
            }
            tf.put(Field.NAME, count(analyzer.terms(agent.name())));
            tf.put(Field.DESCRIPTION, count(analyzer.terms(agent.description())));
            tf.put(Field.EXAMPLES, count(exampleTerms.stream().flatMap(List::stream).toList()));
            tf.put(Field.BODY, count(analyzer.terms(agent.systemPrompt())));
            for (Field f : Field.values()) {
                lengths.get(f)[a] = tf.get(f).values().stream().mapToInt(Integer::intValue).sum();
            }
            fields.add(new AgentFields(tf, exampleTerms));
        }

        EnumMap<Field, double[]> lengthNorm = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            double[] len = lengths.get(f);
            double avg = 0;
            for (double l : len) {
                avg += l;
            }
            avg = n == 0 ? 0 : avg / n;
            double[] norm = new double[n];
            for (int a = 0; a < n; a++) {
                norm[a] = avg == 0 ? 1 : 1 - settings.b(f) + settings.b(f) * len[a] / avg;
            }
            lengthNorm.put(f, norm);
        }

        List<Map<String, Double>> agentTf = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            Map<String, Double> weighted = new HashMap<>();
            for (Field f : Field.values()) {
                double norm = lengthNorm.get(f)[a];
                double w = settings.weight(f);
                fields.get(a).termFrequencies().get(f)
                        .forEach((term, count) -> weighted.merge(term, w * count / norm, Double::sum));
            }
            agentTf.add(weighted);
        }
        Map<String, Postings> postings = withExplanations(invert(agentTf, settings.k1()), fields, lengthNorm,
                settings);

        // Each example is also a document of its own, normalised against the average example length.
        List<Map<String, Double>> exampleTf = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        double avgExample = 0;
        for (int a = 0; a < n; a++) {
            for (List<String> terms : fields.get(a).exampleTerms()) {
                avgExample += terms.size();
            }
        }
        int exampleCount = fields.stream().mapToInt(f -> f.exampleTerms().size()).sum();
        avgExample = exampleCount == 0 ? 1 : Math.max(1, avgExample / exampleCount);
        for (int a = 0; a < n; a++) {
            for (List<String> terms : fields.get(a).exampleTerms()) {
                double norm = 1 - EXAMPLE_B + EXAMPLE_B * terms.size() / avgExample;
                Map<String, Double> tf = new HashMap<>();
                terms.forEach(t -> tf.merge(t, 1 / norm, Double::sum));
                exampleTf.add(tf);
                owners.add(a);
            }
        }
        Map<String, Postings> examplePostings = invert(exampleTf, settings.k1());
        int[] exampleOwner = owners.stream().mapToInt(Integer::intValue).toArray();
        return new LexicalIndex(List.copyOf(agents), analyzer, settings, postings, examplePostings, exampleOwner,
                idf(n, 1));
    }

    /** Adds per-field frequencies and example masks to every agent posting. */
    private static Map<String, Postings> withExplanations(Map<String, Postings> postings, List<AgentFields> fields,
                                                          EnumMap<Field, double[]> lengthNorm,
                                                          LexicalSettings settings) {
        List<Map<String, Long>> masks = new ArrayList<>(fields.size());
        for (AgentFields af : fields) {
            Map<String, Long> m = new HashMap<>();
            for (int e = 0; e < Math.min(64, af.exampleTerms().size()); e++) {
                long bit = 1L << e;
                af.exampleTerms().get(e).forEach(term -> m.merge(term, bit, (x, y) -> x | y));
            }
            masks.add(m);
        }
        Map<String, Postings> out = new HashMap<>(postings.size() * 2);
        postings.forEach((term, p) -> {
            float[] fieldTf = new float[p.docs().length * FIELDS];
            long[] exampleMasks = new long[p.docs().length];
            for (int i = 0; i < p.docs().length; i++) {
                int a = p.docs()[i];
                for (Field f : Field.values()) {
                    Integer count = fields.get(a).termFrequencies().get(f).get(term);
                    if (count != null) {
                        fieldTf[i * FIELDS + f.ordinal()] =
                                (float) (settings.weight(f) * count / lengthNorm.get(f)[a]);
                    }
                }
                exampleMasks[i] = masks.get(a).getOrDefault(term, 0L);
            }
            out.put(term, new Postings(p.docs(), p.saturated(), p.idf(), fieldTf, exampleMasks));
        });
        return out;
    }

    /** Length normalisation of single examples; they are short, so it matters little. */
    private static final double EXAMPLE_B = 0.75;

    /** Posting lists from per-document (normalised) term frequencies; document ids ascend in each list. */
    private static Map<String, Postings> invert(List<Map<String, Double>> docs, double k1) {
        Map<String, List<Integer>> idsByTerm = new HashMap<>();
        Map<String, List<Float>> valuesByTerm = new HashMap<>();
        for (int d = 0; d < docs.size(); d++) {
            int doc = d;
            docs.get(d).forEach((term, tf) -> {
                idsByTerm.computeIfAbsent(term, k -> new ArrayList<>()).add(doc);
                valuesByTerm.computeIfAbsent(term, k -> new ArrayList<>()).add((float) (tf / (k1 + tf)));
            });
        }
        Map<String, Postings> postings = new HashMap<>(idsByTerm.size() * 2);
        idsByTerm.forEach((term, list) -> {
            int[] ids = list.stream().mapToInt(Integer::intValue).toArray();
            List<Float> values = valuesByTerm.get(term);
            float[] saturated = new float[values.size()];
            for (int i = 0; i < saturated.length; i++) {
                saturated[i] = values.get(i);
            }
            postings.put(term, new Postings(ids, saturated, idf(docs.size(), ids.length), null, null));
        });
        return postings;
    }

    /** BM25's smoothed inverse document frequency: rare terms count more, no term counts less than zero. */
    private static double idf(int n, int df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    private static Map<String, Integer> count(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        terms.forEach(t -> counts.merge(t, 1, Integer::sum));
        return counts;
    }

    public List<AgentDefinition> agents() {
        return agents;
    }

    public int size() {
        return agents.size();
    }

    /** The idf of a term found in only one agent: the largest a term can weigh in this catalog. */
    public double maxIdf() {
        return maxIdf;
    }

    public TextAnalyzer analyzer() {
        return analyzer;
    }

    /** The analysed query: each distinct term with its summed weight and the first word it came from. */
    public AnalyzedQuery analyze(Query query) {
        return AnalyzedQuery.of(query, analyzer);
    }

    /** Looks every query term up once. */
    public IndexedQuery resolve(AnalyzedQuery query) {
        Postings[] p = new Postings[query.size()];
        Postings[] e = new Postings[query.size()];
        for (int q = 0; q < query.size(); q++) {
            p[q] = postings.get(query.term(q));
            e[q] = settings.exampleWeight() > 0 ? examplePostings.get(query.term(q)) : null;
        }
        return new IndexedQuery(query, p, e);
    }

    /**
     * Score of every agent for the query (index = position in {@link #agents()}): BM25F over the agent's fields,
     * plus {@code exampleWeight} times the BM25 score of its best-matching example.
     */
    public double[] score(IndexedQuery iq) {
        AnalyzedQuery query = iq.query;
        double[] scores = new double[agents.size()];
        for (int q = 0; q < query.size(); q++) {
            accumulate(iq.postings[q], query.weight(q), scores);
        }
        double exampleWeight = settings.exampleWeight();
        if (exampleWeight > 0 && exampleOwner.length > 0) {
            double[] exampleScores = new double[exampleOwner.length];
            for (int q = 0; q < query.size(); q++) {
                accumulate(iq.examplePostings[q], query.weight(q), exampleScores);
            }
            double[] best = new double[agents.size()];
            for (int e = 0; e < exampleScores.length; e++) {
                int owner = exampleOwner[e];
                if (exampleScores[e] > best[owner]) {
                    best[owner] = exampleScores[e];
                }
            }
            for (int a = 0; a < scores.length; a++) {
                scores[a] += exampleWeight * best[a];
            }
        }
        return scores;
    }

    private static void accumulate(Postings p, double queryWeight, double[] scores) {
        if (p == null) {
            return;
        }
        double factor = p.idf() * queryWeight;
        int[] ids = p.docs();
        float[] saturated = p.saturated();
        for (int i = 0; i < ids.length; i++) {
            scores[ids[i]] += factor * saturated[i];
        }
    }

    /**
     * The score an agent would get if every query term were saturated in it: the query's idf mass, with terms no
     * agent contains weighing as much as the rarest known term. Dividing by it puts scores on a 0-1 scale that does
     * not grow with the prompt's length, and a prompt full of words no agent knows scores low everywhere.
     */
    public double scoreScale(IndexedQuery iq) {
        AnalyzedQuery query = iq.query;
        double scale = 0;
        for (int q = 0; q < query.size(); q++) {
            Postings p = iq.postings[q];
            scale += (p == null ? maxIdf : p.idf()) * query.weight(q);
        }
        return scale * (1 + settings.exampleWeight());
    }

    /**
     * How much of the query this catalog can speak to at all: the idf mass of the query's terms found in the agent,
     * over the idf mass of all its terms (unknown terms weigh as much as the rarest known ones).
     */
    public double coverage(IndexedQuery iq, int agent) {
        AnalyzedQuery query = iq.query;
        double total = 0;
        double matched = 0;
        for (int q = 0; q < query.size(); q++) {
            Postings p = iq.postings[q];
            double idf = p == null ? maxIdf : p.idf();
            total += idf * query.weight(q);
            if (p != null && p.find(agent) >= 0) {
                matched += idf * query.weight(q);
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    /** Per-field and per-term evidence for one agent; only computed for the few candidates shown to a caller. */
    public Evidence explain(IndexedQuery iq, int agent) {
        AnalyzedQuery query = iq.query;
        double k1 = settings.k1();
        Field[] allFields = Field.values();
        double[] byField = new double[FIELDS];
        List<Evidence.TermMatch> matches = new ArrayList<>();
        List<AgentExample> examples = agents.get(agent).examples();
        double[] exampleOverlap = new double[Math.min(64, examples.size())];
        long[] exampleMasks = new long[query.size()];
        for (int q = 0; q < query.size(); q++) {
            Postings p = iq.postings[q];
            int i = p == null ? -1 : p.find(agent);
            if (i < 0) {
                continue;
            }
            double weightedTf = 0;
            for (int f = 0; f < FIELDS; f++) {
                weightedTf += p.fieldTf()[i * FIELDS + f];
            }
            double contribution = p.idf() * query.weight(q) * weightedTf / (k1 + weightedTf);
            List<String> foundIn = new ArrayList<>(2);
            for (Field f : allFields) {
                double part = p.fieldTf()[i * FIELDS + f.ordinal()];
                if (part > 0) {
                    byField[f.ordinal()] += contribution * part / weightedTf;
                    foundIn.add(f.key());
                }
            }
            matches.add(new Evidence.TermMatch(query.surface(q), contribution, foundIn));
            exampleMasks[q] = p.exampleMasks()[i];
            for (long mask = exampleMasks[q]; mask != 0; mask &= mask - 1) {
                exampleOverlap[Long.numberOfTrailingZeros(mask)] += p.idf() * query.weight(q);
            }
        }
        matches.sort((x, y) -> Double.compare(y.contribution(), x.contribution()));
        EnumMap<Field, Double> fieldScores = new EnumMap<>(Field.class);
        for (Field f : allFields) {
            if (byField[f.ordinal()] > 0) {
                fieldScores.put(f, byField[f.ordinal()]);
            }
        }
        return new Evidence(fieldScores, matches, bestExample(query, examples, exampleOverlap, exampleMasks));
    }

    /** The example prompt sharing the most idf-weighted terms with the query, if any shares one. */
    private static Evidence.ExampleMatch bestExample(AnalyzedQuery query, List<AgentExample> examples,
                                                     double[] overlap, long[] masks) {
        int best = -1;
        for (int e = 0; e < overlap.length; e++) {
            if (overlap[e] > 0 && (best < 0 || overlap[e] > overlap[best])) {
                best = e;
            }
        }
        if (best < 0) {
            return null;
        }
        List<String> shared = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            if ((masks[q] & (1L << best)) != 0) {
                shared.add(query.surface(q));
            }
        }
        return new Evidence.ExampleMatch(best, examples.get(best).userPrompt(), overlap[best], shared);
    }
}
