package dev.agentrouter.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Query} from a chat conversation. The latest user turn says what is wanted now; earlier user turns
 * add context at a lower weight (a follow-up such as "and make it faster" still routes by the topic set earlier).
 * System and assistant turns are left out: they describe the assistant, not the request.
 */
public final class Conversation {

    /** One turn: its role ({@code user}, {@code assistant}, {@code system}, ...) and its text. */
    public record Turn(String role, String text) {}

    private Conversation() {}

    /**
     * @param historyWeight weight of each earlier user turn, relative to 1 for the latest
     * @return the query, or an empty query when no user turn has text
     */
    public static Query toQuery(List<Turn> turns, double historyWeight) {
        List<Query.Part> parts = new ArrayList<>();
        boolean latest = true;
        for (int i = turns.size() - 1; i >= 0; i--) {
            Turn t = turns.get(i);
            if (!"user".equals(t.role()) || t.text() == null || t.text().isBlank()) {
                continue;
            }
            parts.add(new Query.Part(t.text(), latest ? 1.0 : historyWeight));
            latest = false;
        }
        return new Query(parts);
    }
}
