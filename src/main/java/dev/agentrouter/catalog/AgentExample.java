package dev.agentrouter.catalog;

/**
 * One worked example from an agent's description: the user prompt that should reach the agent, plus the
 * surrounding context, the assistant's reply and the commentary, kept apart because only the prompt is routing
 * evidence of the same kind as an incoming request.
 */
public record AgentExample(String userPrompt, String context, String assistant, String commentary) {

    public static AgentExample ofPrompt(String userPrompt) {
        return new AgentExample(userPrompt, null, null, null);
    }
}
