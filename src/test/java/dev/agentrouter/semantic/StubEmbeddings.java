package dev.agentrouter.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link StubEmbeddingServer} and points agent-router's remote embedding provider at it. */
public class StubEmbeddings implements QuarkusTestResourceLifecycleManager {

    static volatile StubEmbeddingServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = new StubEmbeddingServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "router.semantic.provider", "remote",
                "router.semantic.remote.base-url", server.baseUrl(),
                "router.semantic.remote.model", "stub-embeddings",
                "router.semantic.remote.api-key", "embedding-key",
                "router.semantic.remote.timeout", "1s",
                "router.semantic.retry-interval", "200ms");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
