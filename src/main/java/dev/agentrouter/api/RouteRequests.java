package dev.agentrouter.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.agentrouter.routing.Conversation;
import dev.agentrouter.routing.Query;

/**
 * Turns a {@code /v1/route} body into a {@link Query}: either {@code {"prompt": "..."}} or an OpenAI-style
 * {@code {"messages": [...]}} whose {@code content} is a string or a list of {@code {"type": "text"}} parts.
 */
final class RouteRequests {

    static final String EXAMPLE = "{\"prompt\": \"My PostgreSQL queries are slow\"}";

    private RouteRequests() {}

    static Query toQuery(JsonNode body, double historyWeight) {
        JsonNode prompt = body.get("prompt");
        JsonNode messages = body.get("messages");
        if (prompt != null && messages != null) {
            throw invalid("give either 'prompt' or 'messages', not both");
        }
        if (prompt != null) {
            if (!prompt.isTextual()) {
                throw invalid("'prompt' must be a string, found " + kind(prompt));
            }
            if (prompt.asText().isBlank()) {
                throw invalid("'prompt' is empty; put the text to route in it");
            }
            return Query.of(prompt.asText());
        }
        if (messages != null) {
            return Conversation.toQuery(turns(messages), historyWeight);
        }
        throw invalid("the body needs 'prompt' (a string) or 'messages' (a list of chat messages), e.g. " + EXAMPLE);
    }

    /** Chat messages as turns; fails with the index of the first message that is not usable. */
    static List<Conversation.Turn> turns(JsonNode messages) {
        if (!messages.isArray() || messages.isEmpty()) {
            throw invalid("'messages' must be a non-empty list of {\"role\", \"content\"} objects");
        }
        List<Conversation.Turn> turns = new ArrayList<>();
        boolean userText = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject() || !m.path("role").isTextual()) {
                throw invalid("messages[" + i + "] must be an object with a string 'role'");
            }
            String role = m.get("role").asText();
            String text = text(m.get("content"), i);
            userText |= "user".equals(role) && !text.isBlank();
            turns.add(new Conversation.Turn(role, text));
        }
        if (!userText) {
            throw invalid("'messages' has no user message with text to route");
        }
        return turns;
    }

    private static String text(JsonNode content, int index) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode part : content) {
                if (part.isObject() && "text".equals(part.path("type").asText()) && part.path("text").isTextual()) {
                    text.append(part.get("text").asText()).append('\n');
                }
            }
            return text.toString();
        }
        throw invalid("messages[" + index + "].content must be a string or a list of content parts, found "
                + kind(content));
    }

    private static String kind(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-request", "Invalid request", detail);
    }
}
