package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

class SseUsageScannerTest {

    private static final String STREAM = "data: {\"choices\":[{\"delta\":{\"content\":\"h\\u00e9\"}}],\"usage\":null}\n\n"
            + ": a comment that says \"usage\": {\"prompt_tokens\": 1}\n\n"
            + "data: {\"choices\":[{\"delta\":{\"content\":\"caf\u00e9 \uD83D\uDE00 the \\\"usage\\\": {} word\"}}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}\r\n\r\n"
            + "data: [DONE]\n\n";

    /** The same stream cut into pieces of every size: usage is counted once, whatever the cut. */
    @ParameterizedTest(name = "pieces of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 40, 1000})
    void findsUsageWhereverTheChunksAreCut(int size) {
        List<SseUsageScanner.Usage> seen = new ArrayList<>();
        SseUsageScanner scanner = new SseUsageScanner(new ObjectMapper(), seen::add);
        byte[] bytes = STREAM.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += size) {
            scanner.feed(Buffer.buffer(java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + size))));
        }
        assertEquals(List.of(new SseUsageScanner.Usage(7, 3)), seen);
    }

    @org.junit.jupiter.api.Test
    void aWholeAnswersUsageIsReadWithItsDetailsSkipped() {
        String answer = "{\"choices\":[],\"usage\":{\"prompt_tokens_details\":{\"cached_tokens\":5,\"prompt_tokens\":99},"
                + "\"prompt_tokens\":\"42\",\"completion_tokens\":17.0,\"total_tokens\":59}}";
        assertEquals(java.util.Optional.of(new SseUsageScanner.Usage(42, 17)),
                SseUsageScanner.read(new ObjectMapper(), Buffer.buffer(answer)));
    }
}
