package dev.agentrouter.routing;

import java.util.Optional;

/**
 * How scores become a decision.
 *
 * @param minConfidence  below this the router does not pick: it abstains or falls back
 * @param fallbackAgent  the agent used instead of abstaining, if any
 * @param temperature    softness of the score-to-probability mapping (score units; larger = less sure)
 * @param maxCandidates  how many ranked candidates a decision lists
 */
public record RoutingPolicy(double minConfidence, Optional<String> fallbackAgent, double temperature,
                            int maxCandidates) {

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
        return new RoutingPolicy(0.25, Optional.empty(), 2.0, 5);
    }
}
