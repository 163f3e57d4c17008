package dev.agentrouter.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable, fully built state of the catalog: the agents that loaded and the files that did not. Requests read
 * a snapshot and never see it change; reloads build a new one and swap it in whole.
 */
public final class CatalogSnapshot {

    private final long version;
    private final String location;
    private final Instant loadedAt;
    private final List<AgentDefinition> agents;
    private final List<Rejection> rejected;
    private final Map<String, AgentDefinition> byName;

    /**
     * @param version  increases by one with every snapshot this process builds
     * @param location what was read (a directory or the bundled catalog)
     * @param loadedAt when the snapshot was built
     * @param agents   agents with unique names, in a stable order
     * @param rejected files that could not be loaded, with reasons
     */
    public CatalogSnapshot(long version, String location, Instant loadedAt, List<AgentDefinition> agents,
                           List<Rejection> rejected) {
        this.version = version;
        this.location = location;
        this.loadedAt = loadedAt;
        this.agents = List.copyOf(agents);
        this.rejected = List.copyOf(rejected);
        Map<String, AgentDefinition> index = new LinkedHashMap<>();
        this.agents.forEach(a -> index.put(a.name(), a));
        this.byName = Map.copyOf(index);
    }

    public static CatalogSnapshot empty(String location) {
        return new CatalogSnapshot(0, location, Instant.EPOCH, List.of(), List.of());
    }

    public long version() {
        return version;
    }

    public String location() {
        return location;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public List<AgentDefinition> agents() {
        return agents;
    }

    public List<Rejection> rejected() {
        return rejected;
    }

    public Optional<AgentDefinition> agent(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isEmpty() {
        return agents.isEmpty();
    }
}
