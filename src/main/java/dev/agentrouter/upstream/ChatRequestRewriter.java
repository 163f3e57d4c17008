package dev.agentrouter.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.catalog.AgentDefinition;

/**
 * Turns a client's chat completion request into the one sent upstream as an agent: only {@code model} and
 * {@code messages} change; every other field (tools, response_format, temperature, unknown ones) is kept as sent,
 * in its place.
 */
public final class ChatRequestRewriter {

    private ChatRequestRewriter() {}

    /**
     * Rewrites the request in place (the caller owns the parsed tree) and returns it.
     *
     * @param request          the client's parsed request
     * @param agent            the agent to act as, or null to forward unrouted (no system prompt added)
     * @param upstreamModel    the model id for the upstream
     * @param keepClientSystem whether the client's own system (and developer) messages stay, after the agent's, or
     *                         are dropped
     */
    public static ObjectNode rewrite(ObjectNode request, AgentDefinition agent, String upstreamModel,
                                     boolean keepClientSystem) {
        request.put("model", upstreamModel);
        if (agent == null || agent.systemPrompt() == null || agent.systemPrompt().isBlank()) {
            return request;
        }
        JsonNode original = request.path("messages");
        ArrayNode messages = request.arrayNode(original.size() + 1);
        messages.addObject().put("role", "system").put("content", agent.systemPrompt());
        for (JsonNode m : original) {
            String role = m.path("role").asText();
            boolean clientSystem = "system".equals(role) || "developer".equals(role);
            if (keepClientSystem || !clientSystem) {
                messages.add(m);
            }
        }
        request.set("messages", messages);
        return request;
    }
}
