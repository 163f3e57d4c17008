package dev.agentrouter.semantic;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free port answering OpenAI-compatible {@code POST /v1/embeddings} with
 * {@link ConceptEmbedder} vectors (in reverse order, with their {@code index}, as servers may). {@link #mode} makes it
 * misbehave: {@code ok}, {@code error} (500), {@code slow} (answers after 3 s), {@code garbage} (not JSON),
 * {@code short} (one vector too few).
 */
public final class StubEmbeddingServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final AtomicReference<String> mode = new AtomicReference<>("ok");
    public final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    public final AtomicReference<String> lastModel = new AtomicReference<>();
    /** Texts received, over all requests. */
    public final AtomicInteger texts = new AtomicInteger();
    private final HttpServer server;

    public StubEmbeddingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/embeddings", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void answer(HttpExchange exchange) throws IOException {
        lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        lastModel.set(request.path("model").asText());
        List<String> input = new java.util.ArrayList<>();
        request.path("input").forEach(n -> input.add(n.asText()));
        texts.addAndGet(input.size());
        switch (mode.get()) {
            case "error" -> {
                send(exchange, 500, "{\"error\":{\"message\":\"model crashed\"}}");
                return;
            }
            case "garbage" -> {
                send(exchange, 200, "<html>gateway</html>");
                return;
            }
            case "slow" -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> { }
        }
        int n = "short".equals(mode.get()) ? input.size() - 1 : input.size();
        ObjectNode body = JSON.createObjectNode().put("object", "list").put("model", lastModel.get());
        ArrayNode data = body.putArray("data");
        for (int i = n - 1; i >= 0; i--) {
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float f : ConceptEmbedder.vector(input.get(i))) {
                vector.add(f * 3); // not unit length: the client normalises
            }
        }
        send(exchange, 200, body.toString());
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
