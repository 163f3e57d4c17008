package dev.agentrouter.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Rewrites a chat completion request by editing its bytes: the {@code model} value is replaced and the agent's system
 * message is inserted at the start of {@code messages}; every other byte is forwarded exactly as the client sent it
 * (field order, number formatting, unknown fields). Cheaper than serialising the whole tree again, and a stricter
 * "forward untouched". {@link ChatRequestRewriter} is the tree-based equivalent for the cases this one declines.
 */
public final class RequestSplicer {

    private RequestSplicer() {}

    private record Edit(long from, long to, byte[] replacement) {}

    /**
     * @param body          the client's request, already known to be a JSON object with a non-empty messages array
     * @param model         the upstream model id to put in {@code model}
     * @param systemMessage the encoded message object to insert first, e.g. {@code {"role":"system","content":"..."}},
     *                      or null to insert nothing
     * @return the rewritten bytes, or empty when the body is not in the shape this handles (e.g. a repeated key or a
     *         non-string model): then rewrite the tree instead
     */
    public static Optional<byte[]> splice(JsonFactory json, byte[] body, String model, byte[] systemMessage) {
        List<Edit> edits = new ArrayList<>(2);
        boolean sawModel = false;
        boolean sawMessages = false;
        long objectStart;
        try (JsonParser p = json.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            objectStart = p.currentTokenLocation().getByteOffset();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("model".equals(name)) {
                    if (sawModel || value != JsonToken.VALUE_STRING) {
                        return Optional.empty();
                    }
                    sawModel = true;
                    long from = p.currentTokenLocation().getByteOffset();
                    p.finishToken();
                    edits.add(new Edit(from, p.currentLocation().getByteOffset(), quoted(model)));
                } else if ("messages".equals(name)) {
                    if (sawMessages || value != JsonToken.START_ARRAY) {
                        return Optional.empty();
                    }
                    sawMessages = true;
                    long at = p.currentTokenLocation().getByteOffset() + 1; // just after '['
                    if (systemMessage != null) {
                        byte[] insert = new byte[systemMessage.length + 1];
                        System.arraycopy(systemMessage, 0, insert, 0, systemMessage.length);
                        insert[systemMessage.length] = ','; // the array is known to be non-empty
                        edits.add(new Edit(at, at, insert));
                    }
                    p.skipChildren();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null || !sawMessages) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!sawModel) {
            byte[] field = concat("\"model\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII), quoted(model),
                    new byte[] {','});
            edits.add(new Edit(objectStart + 1, objectStart + 1, field));
        }
        edits.sort(Comparator.comparingLong(Edit::from));
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length
                + (systemMessage == null ? 0 : systemMessage.length) + model.length() + 16);
        int pos = 0;
        for (Edit e : edits) {
            if (e.from() < pos || e.from() < 0 || e.to() > body.length) {
                return Optional.empty();
            }
            out.write(body, pos, (int) e.from() - pos);
            out.writeBytes(e.replacement());
            pos = (int) e.to();
        }
        out.write(body, pos, body.length - pos);
        return Optional.of(out.toByteArray());
    }

    private static byte[] quoted(String s) {
        return concat(new byte[] {'"'}, JsonStringEncoder.getInstance().quoteAsUTF8(s), new byte[] {'"'});
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
