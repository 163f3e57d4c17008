package dev.agentrouter.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

/**
 * Peeks at a relayed SSE stream for OpenAI {@code usage} objects (sent in the last chunk with
 * {@code stream_options.include_usage}) without changing or holding back a byte: each chunk is searched once for the
 * {@code "usage"} key, only a {@code data:} line that has it is parsed, and only the incomplete last line of a chunk is
 * kept for the next one.
 */
final class SseUsageScanner {

    /** Prompt ({@code input}) and completion ({@code output}) tokens of one answer. */
    record Usage(long input, long output) {}

    private static final int MAX_PENDING = 1 << 20;
    private static final String USAGE = "\"usage\"";
    private static final byte[] USAGE_KEY = USAGE.getBytes(StandardCharsets.US_ASCII);
    private static final String DATA = "data:";
    private static final byte[] NOTHING = new byte[0];

    private final ObjectMapper mapper;
    private final Consumer<Usage> sink;
    /** The incomplete last line of the chunks so far. */
    private byte[] pending = NOTHING;

    SseUsageScanner(ObjectMapper mapper, Consumer<Usage> sink) {
        this.mapper = mapper;
        this.sink = sink;
    }

    void feed(Buffer chunk) {
        byte[] data = pending.length == 0 ? chunk.getBytes()
                : Buffer.buffer(pending.length + chunk.length()).appendBytes(pending).appendBuffer(chunk).getBytes();
        // One char a byte, so offsets match the bytes; String's searches are vectorised, a loop over bytes is not.
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int complete = text.lastIndexOf('\n') + 1; // the complete lines: [0, complete)
        for (int at = text.indexOf(USAGE); at >= 0 && at < complete; ) {
            int lineStart = text.lastIndexOf('\n', at) + 1;
            int lineEnd = text.indexOf('\n', at);
            if (text.startsWith(DATA, lineStart)) {
                read(mapper, data, lineStart + DATA.length(), lineEnd).ifPresent(sink);
            }
            at = text.indexOf(USAGE, lineEnd + 1);
        }
        int rest = data.length - complete;
        pending = rest == 0 || rest > MAX_PENDING ? NOTHING : Arrays.copyOfRange(data, complete, data.length);
    }

    /**
     * The usage of a whole (non-streamed) answer: only the value after the last {@code "usage"} key is parsed, not the
     * answer (inside strings, a quote would be escaped, so the bare key cannot come from the content).
     */
    static Optional<Usage> read(ObjectMapper mapper, Buffer json) {
        byte[] bytes = json.getBytes();
        return read(mapper, bytes, 0, bytes.length);
    }

    /** The usage after the last {@code "usage"} key of the JSON in {@code bytes[from, to)}, if it is readable. */
    private static Optional<Usage> read(ObjectMapper mapper, byte[] bytes, int from, int to) {
        for (int at = lastIndexOf(bytes, USAGE_KEY, from, to); at >= 0; at = lastIndexOf(bytes, USAGE_KEY, from, at)) {
            int i = at + USAGE_KEY.length;
            while (i < to && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
                i++;
            }
            if (i >= to || bytes[i] != ':') {
                continue;
            }
            try (JsonParser p = mapper.getFactory().createParser(bytes, i + 1, to - i - 1)) {
                return usage(p);
            } catch (java.io.IOException e) {
                return Optional.empty(); // not JSON: nothing to count
            }
        }
        return Optional.empty();
    }

    /** The usage object at the parser's next token, read field by field (no tree for the one answer). */
    private static Optional<Usage> usage(JsonParser p) throws java.io.IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return Optional.empty();
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
        return Optional.of(new Usage(input, output));
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

    /** Last start of {@code key} within {@code bytes[from, before)}, or -1. */
    private static int lastIndexOf(byte[] bytes, byte[] key, int from, int before) {
        for (int i = before - key.length; i >= from; i--) {
            if (startsWith(bytes, i, key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (at + prefix.length > bytes.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (bytes[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }
}
