package dev.agentrouter.upstream;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.agentrouter.catalog.AgentDefinition;

/**
 * Maps an agent's {@code model} ({@code sonnet}, {@code opus}, {@code haiku}, {@code inherit}, or an explicit id)
 * to the model id the upstream serves.
 */
public final class ModelMapper {

    private final Map<String, String> aliases;
    private final Optional<String> defaultModel;

    public ModelMapper(Map<String, String> aliases, Optional<String> defaultModel) {
        this.aliases = Map.copyOf(aliases);
        this.defaultModel = defaultModel.filter(m -> !m.isBlank());
    }

    /**
     * @return the upstream model for the agent, or empty when the agent inherits and no default model is configured
     */
    public Optional<String> upstreamModel(AgentDefinition agent) {
        String model = agent == null ? null : agent.model();
        if (model == null || model.isBlank() || model.toLowerCase(Locale.ROOT).equals("inherit")) {
            return defaultModel;
        }
        String mapped = aliases.get(model.toLowerCase(Locale.ROOT));
        return Optional.of(mapped != null ? mapped : model);
    }

    public Optional<String> defaultModel() {
        return defaultModel;
    }
}
