package dev.agentrouter.upstream;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * The router's response headers for one chat decision: which agent answers, how confident the router was, and the
 * decision's id (also in the decision log). Sent before any body, on answers and problems alike.
 *
 * @param agent      the agent's name, {@code none} when unrouted
 * @param confidence the decision's confidence, formatted
 * @param decisionId the decision's id
 */
public record DecisionHeaders(String agent, String confidence, String decisionId) {

    // Encoded once: set on every chat answer.
    private static final CharSequence AGENT = HttpHeaders.createOptimized("X-Agent-Router-Agent");
    private static final CharSequence CONFIDENCE = HttpHeaders.createOptimized("X-Agent-Router-Confidence");
    private static final CharSequence DECISION_ID = HttpHeaders.createOptimized("X-Agent-Router-Decision-Id");

    void addTo(HttpServerResponse out) {
        out.putHeader(AGENT, agent);
        out.putHeader(CONFIDENCE, confidence);
        out.putHeader(DECISION_ID, decisionId);
    }
}
