package dev.agentrouter.routing;

import java.util.Optional;

/**
 * How scores become a decision.
 *
 * @param minConfidence  below this the router does not pick: it abstains or falls back
 * @param fallbackAgent  the agent used instead of abstaining, if any
 * @param temperature    softness of the candidates' softmax probabilities, on scores divided by the query's
 *                       maximum possible score (larger = flatter)
 * @param maxCandidates  how many ranked candidates a decision lists
 * @param confidence     how the best agent's evidence becomes a confidence
 * @param fusion         how lexical and semantic evidence combine, when both are there
 * @param hybridConfidence how the best agent's evidence becomes a confidence when semantic evidence took part
 */
public record RoutingPolicy(double minConfidence, Optional<String> fallbackAgent, double temperature,
                            int maxCandidates, ConfidenceModel confidence, FusionWeights fusion,
                            HybridConfidenceModel hybridConfidence) {

    public RoutingPolicy(double minConfidence, Optional<String> fallbackAgent, double temperature, int maxCandidates,
                         ConfidenceModel confidence) {
        this(minConfidence, fallbackAgent, temperature, maxCandidates, confidence, FusionWeights.defaults(),
                defaultHybridConfidence());
    }

    public RoutingPolicy {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("minConfidence must be within [0, 1], was " + minConfidence);
        }
        if (temperature <= 0) {
            throw new IllegalArgumentException("temperature must be positive, was " + temperature);
        }
        if (maxCandidates < 1) {
            throw new IllegalArgumentException("maxCandidates must be at least 1, was " + maxCandidates);
        }
    }

    public static RoutingPolicy defaults() {
        return new RoutingPolicy(0.5, Optional.empty(), 0.05, 5, new ConfidenceModel(-4.61, 4.91, 7.38, -1.30, 4.39),
                FusionWeights.defaults(), defaultHybridConfidence());
    }

    static HybridConfidenceModel defaultHybridConfidence() {
        return new HybridConfidenceModel(-11.668, 0.334, 15.217, 0.108, 1.001);
    }

    public RoutingPolicy withFallback(Optional<String> agent) {
        return new RoutingPolicy(minConfidence, agent, temperature, maxCandidates, confidence, fusion,
                hybridConfidence);
    }
}
