package dev.agentrouter.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.catalog.AgentDefinition;

/**
 * Turns a client's chat completion request into the one sent upstream as an agent: only {@code model} and
 * {@code messages} change; every other field (tools, response_format, temperature, unknown ones) is kept as sent.
 */
public final class ChatRequestRewriter {

    private ChatRequestRewriter() {}

    /**
     * @param request       the client's request (not modified)
     * @param agent         the agent to act as, or null to forward unrouted
     * @param upstreamModel the model id for the upstream
     * @param keepClientSystem whether the client's own system messages stay (after the agent's) or are dropped
     */
    public static ObjectNode rewrite(ObjectNode request, AgentDefinition agent, String upstreamModel,
                                     boolean keepClientSystem) {
        ObjectNode out = request.deepCopy();
        out.put("model", upstreamModel);
        if (agent == null || agent.systemPrompt() == null || agent.systemPrompt().isBlank()) {
            return out;
        }
        ArrayNode messages = out.arrayNode();
        messages.addObject().put("role", "system").put("content", agent.systemPrompt());
        JsonNode original = request.path("messages");
        for (JsonNode m : original) {
            String role = m.path("role").asText();
            boolean clientSystem = "system".equals(role) || "developer".equals(role);
            if (keepClientSystem || !clientSystem) {
                messages.add(m.deepCopy());
            }
        }
        out.set("messages", messages);
        return out;
    }
}
