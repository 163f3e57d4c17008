package dev.agentrouter.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts a {@link StubEmbeddingServer} and points agent-router's remote embedding provider at it. */
public class StubEmbeddings implements QuarkusTestResourceLifecycleManager {

    static volatile StubEmbeddingServer server;

    /** Init arg {@code mode}: the server's mode from the start (e.g. {@code error}, so the first embedding fails). */
    private String initialMode = "ok";
    private final Map<String, String> extraConfig = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        initialMode = initArgs.getOrDefault("mode", "ok");
        initArgs.forEach((k, v) -> {
            if (k.startsWith("router.")) {
                extraConfig.put(k, v);
            }
        });
    }

    @Override
    public Map<String, String> start() {
        try {
            server = new StubEmbeddingServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.mode.set(initialMode);
        Map<String, String> config = new HashMap<>(Map.of(
                "router.semantic.provider", "remote",
                "router.semantic.remote.base-url", server.baseUrl(),
                "router.semantic.remote.model", "stub-embeddings",
                "router.semantic.remote.api-key", "embedding-key",
                "router.semantic.remote.timeout", "1s",
                "router.semantic.retry-interval", "200ms"));
        config.putAll(extraConfig);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
