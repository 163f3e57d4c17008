package dev.agentrouter.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.buffer.Buffer;

/**
 * Rewrites a chat completion request by editing its bytes: the {@code model} value is replaced and the agent's system
 * message is inserted at the start of {@code messages}; every other byte is forwarded exactly as the client sent it
 * (field order, number formatting, unknown fields). Cheaper than serialising the whole tree again, and a stricter
 * "forward untouched". {@link #read} parses the request once, into a tree of the fields the router reads and the byte
 * positions the splice needs (a request of the usual shape with {@link RequestScanner}, any other with Jackson); {@link ChatRequestRewriter} is the tree-based equivalent for the shapes the splice
 * declines.
 */
public final class RequestSplicer {

    private static final byte[] MODEL_KEY = "\"model\":".getBytes(StandardCharsets.US_ASCII);
    /**
     * The fields the router reads. The others (tools and their schemas, response_format, ...) are only checked for
     * syntax on the way: no tree is built of what is forwarded as sent.
     */
    private static final Set<String> READ = Set.of("model", "stream", "messages");

    private RequestSplicer() {}

    /**
     * A parsed request: the tree of the fields the router reads ({@code model}, {@code stream}, {@code messages}; null
     * for an empty body; the whole value when the body is not an object) and where to splice, or null when the body
     * is not in a shape the splice handles (a repeated key among those fields, a non-string model, messages that are
     * not an array or missing, content after the object): then parse the whole body and rewrite its tree instead.
     */
    public record Parsed(JsonNode tree, Positions positions) {}

    /**
     * Byte offsets in the body: the object's '{', the model's quoted value ({@code modelFrom} -1: no model key), and
     * just after the messages array's '['.
     */
    public record Positions(int objectStart, int modelFrom, int modelTo, int messagesAt) {}

    /**
     * Parses the body, checking all of its syntax, into the tree {@link ObjectMapper#readTree} would give of the fields
     * the router reads (duplicate keys keep the last value) and notes the splice positions on the way.
     *
     * @throws IOException when the body is not JSON (with the parser's location)
     */
    public static Parsed read(ObjectMapper mapper, byte[] body) throws IOException {
        Parsed usual = RequestScanner.read(mapper, body);
        return usual != null ? usual : readWithJackson(mapper, body);
    }

    /** {@link #read} with Jackson's tokenizer over every byte: for the shapes {@link RequestScanner} declines. */
    static Parsed readWithJackson(ObjectMapper mapper, byte[] body) throws IOException {
        try (JsonParser p = mapper.getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return new Parsed(first == null ? null : mapper.readTree(p), null);
            }
            ObjectNode tree = mapper.getNodeFactory().objectNode();
            int objectStart = offset(p.currentTokenLocation().getByteOffset());
            int modelFrom = -1;
            int modelTo = -1;
            int messagesAt = -1;
            boolean spliceable = true;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!READ.contains(name)) {
                    p.skipChildren();
                    continue;
                }
                spliceable &= !tree.has(name);
                if ("model".equals(name)) {
                    if (value == JsonToken.VALUE_STRING) {
                        modelFrom = offset(p.currentTokenLocation().getByteOffset());
                        p.finishToken();
                        modelTo = offset(p.currentLocation().getByteOffset());
                    } else {
                        spliceable = false;
                    }
                } else if ("messages".equals(name)) {
                    if (value == JsonToken.START_ARRAY) {
                        messagesAt = offset(p.currentTokenLocation().getByteOffset()) + 1; // just after '['
                    } else {
                        spliceable = false;
                    }
                }
                tree.set(name, value(mapper, p, value));
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new com.fasterxml.jackson.core.JsonParseException(p, "expected a field name or '}'");
            }
            spliceable &= messagesAt > 0 && nothingAfter(p);
            return new Parsed(tree, spliceable ? new Positions(objectStart, modelFrom, modelTo, messagesAt) : null);
        }
    }

    /** The current value as readTree gives it; a string or a boolean without readTree's per-call set-up. */
    private static JsonNode value(ObjectMapper mapper, JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> mapper.getNodeFactory().textNode(p.getText());
            case VALUE_TRUE, VALUE_FALSE -> mapper.getNodeFactory().booleanNode(token == JsonToken.VALUE_TRUE);
            default -> mapper.readTree(p);
        };
    }

    /** Whether only whitespace follows the object (readTree ignores what follows; the splice would forward it). */
    private static boolean nothingAfter(JsonParser p) {
        try {
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static int offset(long byteOffset) {
        if (byteOffset < 0 || byteOffset > Integer.MAX_VALUE) {
            throw new IllegalStateException("the parser reported no byte offset");
        }
        return (int) byteOffset;
    }

    /**
     * @param body          the client's request, as {@link #read} parsed it, with a non-empty messages array
     * @param at            the positions {@link #read} found
     * @param model         the upstream model id to put in {@code model}
     * @param systemMessage the encoded message object to insert first, e.g. {@code {"role":"system","content":"..."}},
     *                      or null to insert nothing
     * @return the rewritten request, in one buffer of its exact size
     */
    public static Buffer splice(byte[] body, Positions at, String model, byte[] systemMessage) {
        byte[] quotedModel = quoted(model);
        boolean hasModel = at.modelFrom() >= 0;
        int modelFrom = hasModel ? at.modelFrom() : at.objectStart() + 1;
        int modelTo = hasModel ? at.modelTo() : modelFrom;
        int modelLength = hasModel ? quotedModel.length : MODEL_KEY.length + quotedModel.length + 1;
        int systemLength = systemMessage == null ? 0 : systemMessage.length + 1;
        Buffer out = Buffer.buffer(body.length - (modelTo - modelFrom) + modelLength + systemLength);
        // The model edit and the insertion into messages, in the order they appear in the body.
        boolean modelFirst = modelFrom < at.messagesAt();
        int pos = 0;
        for (int edit = 0; edit < 2; edit++) {
            if ((edit == 0) == modelFirst) {
                out.appendBytes(body, pos, modelFrom - pos);
                if (!hasModel) {
                    out.appendBytes(MODEL_KEY);
                }
                out.appendBytes(quotedModel);
                if (!hasModel) {
                    out.appendByte((byte) ',');
                }
                pos = modelTo;
            } else {
                out.appendBytes(body, pos, at.messagesAt() - pos);
                if (systemMessage != null) {
                    out.appendBytes(systemMessage).appendByte((byte) ','); // the array is known to be non-empty
                }
                pos = at.messagesAt();
            }
        }
        return out.appendBytes(body, pos, body.length - pos);
    }

    private static byte[] quoted(String s) {
        byte[] inner = JsonStringEncoder.getInstance().quoteAsUTF8(s);
        byte[] out = new byte[inner.length + 2];
        out[0] = '"';
        System.arraycopy(inner, 0, out, 1, inner.length);
        out[out.length - 1] = '"';
        return out;
    }
}
