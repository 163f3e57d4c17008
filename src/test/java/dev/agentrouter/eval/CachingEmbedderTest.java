package dev.agentrouter.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentrouter.semantic.Embedder;

class CachingEmbedderTest {

    /** Vectors made from the text's length, counting the texts it was asked to embed. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public float[][] embed(List<String> texts) {
            embedded.addAndGet(texts.size());
            return texts.stream().map(t -> new float[]{t.length(), 1}).toArray(float[][]::new);
        }
    }

    @Test
    void aTornLastRecordIsCutOffSoLaterAppendsStayReadable(@TempDir Path dir) throws IOException {
        CountingEmbedder model = new CountingEmbedder();
        new CachingEmbedder(model, dir).embed(List.of("a", "bb"));
        Path file = dir.resolve("counting.bin");
        Files.write(file, new byte[]{0, 64, 'f', '0'}, StandardOpenOption.APPEND); // a run killed mid-record

        new CachingEmbedder(model, dir).embed(List.of("ccc")); // reads 2, appends 1
        CachingEmbedder reloaded = new CachingEmbedder(model, dir);
        float[][] v = reloaded.embed(List.of("a", "bb", "ccc"));

        assertEquals(3, model.embedded.get(), "all three came from the file on the last load");
        assertArrayEquals(new float[]{3, 1}, v[2]);
    }
}
