package dev.agentrouter.semantic;

import java.util.List;

/** The vectors of one catalog snapshot, aligned with the lexical index's agents, and one model's id. */
public final class SemanticIndex {

    private static final int TOP = 3;

    private final String model;
    private final List<AgentVectors> agents;
    private final float[][] centroids;
    private final AgentClassifier classifier;
    private final double examplesPerAgent;

    /** Indexes the vectors and trains the catalog's classifier (CPU-bound: build it off the request path). */
    public SemanticIndex(String model, List<AgentVectors> agents) {
        this.model = model;
        this.agents = List.copyOf(agents);
        this.centroids = new float[agents.size()][];
        for (int a = 0; a < agents.size(); a++) {
            centroids[a] = centroid(agents.get(a).examples());
        }
        this.classifier = AgentClassifier.train(this.agents, AgentClassifier.Settings.defaults());
        this.examplesPerAgent = this.agents.stream().mapToInt(v -> v.examples().length).average().orElse(0);
    }

    public String model() {
        return model;
    }

    public int size() {
        return agents.size();
    }

    public Similarities score(float[] query) {
        int n = agents.size();
        double[] description = new double[n];
        double[] body = new double[n];
        double[] sections = new double[n];
        double[] examples = new double[n];
        double[] centroid = new double[n];
        for (int a = 0; a < n; a++) {
            AgentVectors v = agents.get(a);
            long descriptionAndBody = Vectors.dot2(query, v.description(), v.body());
            description[a] = Vectors.first(descriptionAndBody);
            body[a] = Vectors.second(descriptionAndBody);
            sections[a] = v.sections().length == 0 ? body[a] : topMean(query, v.sections());
            examples[a] = v.examples().length == 0 ? Double.NaN : topMean(query, v.examples());
            centroid[a] = centroids[a] == null ? Double.NaN : Vectors.dot(query, centroids[a]);
        }
        return new Similarities(description, body, sections, examples, centroid,
                classifier == null ? null : classifier.logits(query), examplesPerAgent);
    }

    /** Mean of the {@value #TOP} highest similarities (all of them when there are fewer). */
    private static double topMean(float[] query, float[][] vectors) {
        double first = -2;
        double second = -2;
        double third = -2;
        // Two vectors per pass (Vectors.dot2): the same similarities, in the same order, as one at a time.
        long pair = 0;
        for (int j = 0; j < vectors.length; j++) {
            double s;
            if ((j & 1) == 1) {
                s = Vectors.second(pair);
            } else if (j + 1 < vectors.length) {
                pair = Vectors.dot2(query, vectors[j], vectors[j + 1]);
                s = Vectors.first(pair);
            } else {
                s = Vectors.dot(query, vectors[j]);
            }
            if (s > first) {
                third = second;
                second = first;
                first = s;
            } else if (s > second) {
                third = second;
                second = s;
            } else if (s > third) {
                third = s;
            }
        }
        int k = Math.min(TOP, vectors.length);
        return (first + (k > 1 ? second : 0) + (k > 2 ? third : 0)) / k;
    }

    private static float[] centroid(float[][] vectors) {
        if (vectors.length == 0) {
            return null;
        }
        float[] sum = new float[vectors[0].length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return Vectors.normalised(sum);
    }
}
