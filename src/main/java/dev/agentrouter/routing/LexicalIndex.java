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

    /** Per-agent, per-field term frequencies, kept for explaining a decision. */
    private record AgentFields(Map<Field, Map<String, Integer>> termFrequencies, List<List<String>> exampleTerms) {}

    /**
     * Documents (agents, or examples) containing a term, and the term's saturated BM25 weight in each,
     * {@code tf / (k1 + tf)} with {@code tf} length-normalised (and, for agents, field-weighted).
     */
    private record Postings(int[] docs, float[] saturated, double idf) {}

    private final List<AgentDefinition> agents;
    private final TextAnalyzer analyzer;
    private final LexicalSettings settings;
    private final Map<String, Postings> postings;
    private final Map<String, Postings> examplePostings;
    /** Agent index of each example, in example-id order. */
    private final int[] exampleOwner;
    private final List<AgentFields> fields;
    private final EnumMap<Field, double[]> lengthNorm;
    private final double maxIdf;

    private LexicalIndex(List<AgentDefinition> agents, TextAnalyzer analyzer, LexicalSettings settings,
                         Map<String, Postings> postings, Map<String, Postings> examplePostings, int[] exampleOwner,
                         List<AgentFields> fields, EnumMap<Field, double[]> lengthNorm, double maxIdf) {
        this.agents = agents;
        this.analyzer = analyzer;
        this.settings = settings;
        this.postings = postings;
        this.examplePostings = examplePostings;
        this.exampleOwner = exampleOwner;
        this.fields = fields;
        this.lengthNorm = lengthNorm;
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
        Map<String, Postings> postings = invert(agentTf, settings.k1());

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
                fields, lengthNorm, idf(n, 1));
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
            postings.put(term, new Postings(ids, saturated, idf(docs.size(), ids.length)));
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

    /**
     * Score of every agent for the query (index = position in {@link #agents()}): BM25F over the agent's fields,
     * plus {@code exampleWeight} times the BM25 score of its best-matching example.
     */
    public double[] score(AnalyzedQuery query) {
        double[] scores = new double[agents.size()];
        for (int q = 0; q < query.size(); q++) {
            accumulate(postings.get(query.term(q)), query.weight(q), scores);
        }
        double exampleWeight = settings.exampleWeight();
        if (exampleWeight > 0 && exampleOwner.length > 0) {
            double[] exampleScores = new double[exampleOwner.length];
            for (int q = 0; q < query.size(); q++) {
                accumulate(examplePostings.get(query.term(q)), query.weight(q), exampleScores);
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
    public double scoreScale(AnalyzedQuery query) {
        double scale = 0;
        for (int q = 0; q < query.size(); q++) {
            Postings p = postings.get(query.term(q));
            scale += (p == null ? maxIdf : p.idf()) * query.weight(q);
        }
        return scale * (1 + settings.exampleWeight());
    }

    /**
     * How much of the query this catalog can speak to at all: the idf mass of the query's terms found in the agent,
     * over the idf mass of all its terms (unknown terms weigh as much as the rarest known ones).
     */
    public double coverage(AnalyzedQuery query, int agent) {
        double total = 0;
        double matched = 0;
        for (int q = 0; q < query.size(); q++) {
            Postings p = postings.get(query.term(q));
            double idf = p == null ? maxIdf : p.idf();
            total += idf * query.weight(q);
            if (p != null && contains(p.docs(), agent)) {
                matched += idf * query.weight(q);
            }
        }
        return total == 0 ? 0 : matched / total;
    }

    private static boolean contains(int[] sortedIds, int agent) {
        return java.util.Arrays.binarySearch(sortedIds, agent) >= 0;
    }

    /** Per-field and per-term evidence for one agent; only computed for the few candidates shown to a caller. */
    public Evidence explain(AnalyzedQuery query, int agent) {
        double k1 = settings.k1();
        AgentFields af = fields.get(agent);
        EnumMap<Field, Double> byField = new EnumMap<>(Field.class);
        List<Evidence.TermMatch> matches = new ArrayList<>();
        for (int q = 0; q < query.size(); q++) {
            String term = query.term(q);
            Postings p = postings.get(term);
            if (p == null) {
                continue;
            }
            EnumMap<Field, Double> parts = new EnumMap<>(Field.class);
            double tfTilde = 0;
            for (Field f : Field.values()) {
                Integer count = af.termFrequencies().get(f).get(term);
                if (count != null) {
                    double part = settings.weight(f) * count / lengthNorm.get(f)[agent];
                    parts.put(f, part);
                    tfTilde += part;
                }
            }
            if (tfTilde == 0) {
                continue;
            }
            double contribution = p.idf() * query.weight(q) * tfTilde / (k1 + tfTilde);
            double total = tfTilde;
            parts.forEach((f, part) -> byField.merge(f, contribution * part / total, Double::sum));
            matches.add(new Evidence.TermMatch(query.surface(q), contribution,
                    parts.keySet().stream().map(Field::key).toList()));
        }
        matches.sort((x, y) -> Double.compare(y.contribution(), x.contribution()));
        return new Evidence(byField, matches, bestExample(query, agent, af));
    }

    /** The agent's example prompt sharing the most idf-weighted terms with the query, if any shares one. */
    private Evidence.ExampleMatch bestExample(AnalyzedQuery query, int agent, AgentFields af) {
        Evidence.ExampleMatch best = null;
        List<AgentExample> examples = agents.get(agent).examples();
        for (int e = 0; e < examples.size(); e++) {
            List<String> terms = af.exampleTerms().get(e);
            double overlap = 0;
            List<String> shared = new ArrayList<>();
            for (int q = 0; q < query.size(); q++) {
                if (terms.contains(query.term(q))) {
                    Postings p = postings.get(query.term(q));
                    overlap += p.idf() * query.weight(q);
                    shared.add(query.surface(q));
                }
            }
            if (overlap > 0 && (best == null || overlap > best.overlap())) {
                best = new Evidence.ExampleMatch(e, examples.get(e).userPrompt(), overlap, shared);
            }
        }
        return best;
    }
}
