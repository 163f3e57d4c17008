package dev.agentrouter.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteEmbedderTest {

    private StubEmbeddingServer stub;
    private RemoteEmbedder embedder;

    @BeforeEach
    void start() throws IOException {
        stub = new StubEmbeddingServer();
        embedder = new RemoteEmbedder(stub.baseUrl() + "/", "text-embedding-test", Optional.of("sk-secret"),
                Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void returnsUnitVectorsInInputOrder() {
        float[][] v = embedder.embed(List.of("slow page", "postgres index", "helm chart for the cluster"));
        assertEquals(3, v.length);
        for (int i = 0; i < 3; i++) {
            assertEquals(1.0, Vectors.dot(v[i], v[i]), 1e-5);
        }
        assertArrayEquals(ConceptEmbedder.vector("postgres index"), v[1], 1e-5f);
        assertEquals("text-embedding-test", stub.lastModel.get());
        assertEquals("Bearer sk-secret", stub.lastAuthorization.get());
        assertEquals("remote:text-embedding-test", embedder.id());
    }

    @Test
    void anErrorStatusNamesTheEndpointButNotTheKey() {
        stub.mode.set("error");
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("slow page")));
        assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("500"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-secret"));
    }

    @Test
    void aSlowEndpointTimesOut() {
        stub.mode.set("slow");
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("slow page")));
        assertTrue(e.getMessage().contains("did not answer within 500 ms"), e.getMessage());
    }

    @Test
    void malformedAnswersAreRejected() {
        stub.mode.set("garbage");
        assertTrue(assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("a")))
                .getMessage().contains("malformed JSON"));
        stub.mode.set("short");
        assertTrue(assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("a", "b")))
                .getMessage().contains("1 vector(s) for 2 input(s)"));
    }

    @Test
    void anUnreachableEndpointIsReportedAsSuch() {
        stub.close();
        EmbeddingException e = assertThrows(EmbeddingException.class, () -> embedder.embed(List.of("a")));
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }

    @Test
    void aRelativeBaseUrlIsRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RemoteEmbedder(
                "tei:8080", "m", Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("router.semantic.remote.base-url"));
    }
}
