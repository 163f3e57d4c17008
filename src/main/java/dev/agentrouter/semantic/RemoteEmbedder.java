package dev.agentrouter.semantic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Any OpenAI-compatible {@code POST /v1/embeddings} endpoint (OpenAI, TEI, vLLM, Ollama...). Blocking: callers run it
 * off the event loop. Every failure (unreachable, timeout, non-2xx, malformed answer) becomes an
 * {@link EmbeddingException} naming the endpoint, never its key.
 */
public final class RemoteEmbedder implements Embedder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String model;
    private final Optional<String> apiKey;
    private final Duration timeout;
    private final HttpClient http;

    public RemoteEmbedder(String baseUrl, String model, Optional<String> apiKey, Duration connectTimeout,
                          Duration timeout) {
        URI base = URI.create(baseUrl.strip().replaceAll("/+$", ""));
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("router.semantic.remote.base-url must be absolute, like"
                    + " https://host/v1, was " + baseUrl);
        }
        this.endpoint = URI.create(base + "/embeddings");
        this.model = model;
        this.apiKey = apiKey.filter(k -> !k.isBlank());
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    @Override
    public String id() {
        return "remote:" + model;
    }

    /** Scheme, host and port of the endpoint, for messages; never the key. */
    public String describe() {
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
    }

    @Override
    public float[][] embed(List<String> texts) {
        if (texts.isEmpty()) {
            return new float[0][];
        }
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        apiKey.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new EmbeddingException("embedding endpoint " + describe() + " did not answer within "
                    + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new EmbeddingException("embedding endpoint " + describe() + " is unreachable: "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingException("interrupted while calling embedding endpoint " + describe());
        }
        if (response.statusCode() / 100 != 2) {
            throw new EmbeddingException("embedding endpoint " + describe() + " answered " + response.statusCode());
        }
        return parse(response.body(), texts.size());
    }

    private float[][] parse(byte[] body, int expected) {
        JsonNode data;
        try {
            data = JSON.readTree(body).path("data");
        } catch (IOException e) {
            throw new EmbeddingException("embedding endpoint " + describe() + " answered malformed JSON");
        }
        if (!data.isArray() || data.size() != expected) {
            throw new EmbeddingException("embedding endpoint " + describe() + " answered " + data.size()
                    + " vector(s) for " + expected + " input(s)");
        }
        float[][] out = new float[expected][];
        int dimension = -1;
        for (int i = 0; i < expected; i++) {
            JsonNode item = data.get(i);
            int index = item.path("index").asInt(i);
            JsonNode vector = item.path("embedding");
            if (index < 0 || index >= expected || out[index] != null || !vector.isArray() || vector.isEmpty()
                    || (dimension >= 0 && vector.size() != dimension)) {
                throw new EmbeddingException("embedding endpoint " + describe() + " answered an invalid vector at"
                        + " position " + i);
            }
            dimension = vector.size();
            float[] v = new float[dimension];
            for (int j = 0; j < dimension; j++) {
                v[j] = (float) vector.get(j).asDouble();
            }
            out[index] = Vectors.normalised(v);
        }
        return out;
    }
}
