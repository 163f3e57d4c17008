package dev.agentrouter.upstream;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

/**
 * Peeks at a relayed SSE stream for OpenAI {@code usage} objects (sent in the last chunk with
 * {@code stream_options.include_usage}) without changing or holding back a byte: only a line that mentions
 * {@code "usage"} is parsed, and only the incomplete last line of a chunk is kept for the next one.
 */
final class SseUsageScanner {

    /** Prompt ({@code input}) and completion ({@code output}) tokens of one answer. */
    record Usage(long input, long output) {}

    private static final int MAX_PENDING = 1 << 20;

    private final ObjectMapper mapper;
    private final Consumer<Usage> sink;
    private String pending = "";

    SseUsageScanner(ObjectMapper mapper, Consumer<Usage> sink) {
        this.mapper = mapper;
        this.sink = sink;
    }

    void feed(Buffer chunk) {
        String text = chunk.toString(StandardCharsets.UTF_8);
        String s = pending.isEmpty() ? text : pending + text;
        int from = 0;
        for (int nl = s.indexOf('\n'); nl >= 0; nl = s.indexOf('\n', from)) {
            line(s, from, nl);
            from = nl + 1;
        }
        pending = s.length() - from > MAX_PENDING ? "" : s.substring(from);
    }

    private void line(String s, int from, int to) {
        if (!s.startsWith("data:", from)) {
            return;
        }
        int at = s.indexOf("\"usage\"", from);
        if (at < 0 || at >= to) {
            return;
        }
        read(mapper, s.substring(from + "data:".length(), to).strip()).ifPresentOrElse(sink, () -> {});
    }

    /** The usage object of one OpenAI JSON answer or chunk, if it has a readable one. */
    static java.util.Optional<Usage> read(ObjectMapper mapper, String json) {
        try {
            JsonNode usage = mapper.readTree(json).path("usage");
            if (usage.isObject()) {
                return java.util.Optional.of(new Usage(usage.path("prompt_tokens").asLong(0),
                        usage.path("completion_tokens").asLong(0)));
            }
        } catch (Exception e) {
            // Not JSON: nothing to count.
        }
        return java.util.Optional.empty();
    }

    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The usage of a whole (non-streamed) answer: only the value after the last {@code "usage"} key is parsed, not the
     * answer (inside strings, a quote would be escaped, so the bare key cannot come from the content).
     */
    static java.util.Optional<Usage> read(ObjectMapper mapper, Buffer json) {
        byte[] bytes = json.getBytes();
        for (int at = lastIndexOf(bytes, USAGE_KEY, bytes.length); at >= 0; at = lastIndexOf(bytes, USAGE_KEY, at)) {
            int i = at + USAGE_KEY.length;
            while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
                i++;
            }
            if (i >= bytes.length || bytes[i] != ':') {
                continue;
            }
            try (JsonParser p = mapper.getFactory().createParser(bytes, i + 1, bytes.length - i - 1)) {
                return usage(p);
            } catch (java.io.IOException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** The usage object at the parser's next token, read field by field (no tree for the one answer). */
    private static java.util.Optional<Usage> usage(JsonParser p) throws java.io.IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return java.util.Optional.empty();
        }
        long input = 0;
        long output = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("prompt_tokens".equals(name)) {
                input = count(p, value);
            } else if ("completion_tokens".equals(name)) {
                output = count(p, value);
            } else {
                p.skipChildren();
            }
        }
        return java.util.Optional.of(new Usage(input, output));
    }

    /** A token count as JsonNode.asLong(0) reads it: a number, or a string holding one; anything else is 0. */
    private static long count(JsonParser p, JsonToken value) throws java.io.IOException {
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getValueAsLong();
        }
        if (value == JsonToken.VALUE_STRING) {
            return p.getValueAsLong(0);
        }
        p.skipChildren();
        return 0;
    }

    /** Last start of {@code key} in {@code bytes} before {@code before}, or -1. */
    private static int lastIndexOf(byte[] bytes, byte[] key, int before) {
        outer:
        for (int i = Math.min(before - 1, bytes.length - key.length); i >= 0; i--) {
            for (int j = 0; j < key.length; j++) {
                if (bytes[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
