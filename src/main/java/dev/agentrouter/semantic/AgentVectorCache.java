package dev.agentrouter.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.agentrouter.catalog.AgentDefinition;

/**
 * Agent vectors by model and content hash, so a catalog reload embeds only the agents whose text changed. Holds the
 * agents of the latest catalog only: entries no longer in it are dropped after each build.
 */
public final class AgentVectorCache {

    private final Map<String, AgentVectors> byKey = new HashMap<>();
    private long embeddedAgents;

    /** What {@link #vectors} did: the vectors in catalog order, and how many agents it had to embed. */
    public record Result(List<AgentVectors> vectors, int embedded, int reused) {}

    /**
     * Vectors for every agent, in order: cached ones reused, the others embedded (all of one agent's texts in one
     * call). Throws {@link EmbeddingException} if the model fails; the cache then keeps what it had.
     */
    public Result vectors(List<AgentDefinition> agents, Embedder embedder) {
        return vectors(agents, embedder, "");
    }

    /** Like {@link #vectors(List, Embedder)}, embedding examples with the prompts' prefix (see {@link AgentVectors.Texts}). */
    public synchronized Result vectors(List<AgentDefinition> agents, Embedder embedder, String promptPrefix) {
        List<AgentVectors> out = new ArrayList<>(agents.size());
        Set<String> live = new HashSet<>();
        int embedded = 0;
        for (AgentDefinition agent : agents) {
            AgentVectors.Texts texts = AgentVectors.Texts.of(agent, promptPrefix);
            String key = embedder.id() + '\0' + texts.hash();
            live.add(key);
            AgentVectors vectors = byKey.get(key);
            if (vectors == null) {
                vectors = texts.vectors(embedder.embed(texts.all()));
                byKey.put(key, vectors);
                embedded++;
            }
            out.add(vectors);
        }
        byKey.keySet().retainAll(live);
        embeddedAgents += embedded;
        return new Result(out, embedded, agents.size() - embedded);
    }

    public synchronized int size() {
        return byKey.size();
    }

    /** Agents embedded since start, over all builds. */
    public synchronized long embeddedAgents() {
        return embeddedAgents;
    }
}
