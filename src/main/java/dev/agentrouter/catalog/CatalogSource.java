package dev.agentrouter.catalog;

import java.io.IOException;
import java.util.List;

/** Where agent files come from: a directory on disk or the catalog bundled in the application. */
public interface CatalogSource {

    /** A file's location (relative to the source root) and its bytes. */
    record AgentFile(String source, byte[] content) {}

    /** Human-readable description of the source, for logs and the API. */
    String location();

    /** Reads every agent file, in a stable order. Fails only when the source as a whole cannot be read. */
    List<AgentFile> read() throws IOException;

    /**
     * A cheap value that changes whenever {@link #read()} would return something different; compared between polls
     * to decide whether to reload.
     */
    String fingerprint() throws IOException;
}
