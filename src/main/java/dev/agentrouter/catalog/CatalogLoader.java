package dev.agentrouter.catalog;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds a {@link CatalogSnapshot} from a {@link CatalogSource}: every valid file loads, every other is rejected. */
public final class CatalogLoader {

    private final CatalogSource source;
    private final Clock clock;
    private final AtomicLong versions = new AtomicLong();

    public CatalogLoader(CatalogSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public CatalogSource source() {
        return source;
    }

    /**
     * Reads and parses the whole source.
     *
     * @throws IOException when the source itself cannot be read (missing directory); bad files never throw
     */
    public CatalogSnapshot load() throws IOException {
        List<CatalogSource.AgentFile> files = source.read();
        List<AgentDefinition> agents = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, AgentDefinition> byName = new HashMap<>();
        for (CatalogSource.AgentFile file : files) {
            try {
                AgentDefinition agent = AgentFileParser.parse(file.source(), file.content());
                AgentDefinition first = byName.putIfAbsent(agent.name(), agent);
                if (first != null) {
                    // Files are read in path order, so the same file wins on every reload.
                    rejected.add(new Rejection(file.source(), null,
                            "duplicate agent name '" + agent.name() + "', already defined by " + first.source()));
                } else {
                    agents.add(agent);
                }
            } catch (AgentFileException e) {
                rejected.add(new Rejection(file.source(), e.line(), e.getMessage()));
            }
        }
        return new CatalogSnapshot(versions.incrementAndGet(), source.location(), clock.instant(), agents, rejected);
    }
}
