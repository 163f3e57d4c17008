package dev.agentrouter.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * Rewrites a chat completion request by editing its bytes: the {@code model} value is replaced and the agent's system
 * message is inserted at the start of {@code messages}; every other byte is forwarded exactly as the client sent it
 * (field order, number formatting, unknown fields). Cheaper than serialising the whole tree again, and a stricter
 * "forward untouched". {@link #read} parses the request once, into a tree of the fields the router reads and the byte
 * positions the splice needs (a request of the usual shape with {@link RequestScanner}, any other with Jackson);
 * {@link ChatRequestRewriter} is the tree-based equivalent for the shapes the splice declines.
 */
public final class RequestSplicer {

    private static final byte[] MODEL_KEY = "\"model\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = {','};
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
     * @param body          the client's request, as {@link #read} parsed it, with a non-empty messages array; it
     *                      must not change while the result is in use
     * @param at            the positions {@link #read} found
     * @param model         the upstream model id to put in {@code model}
     * @param systemMessage the encoded message object to insert first, e.g. {@code {"role":"system","content":"..."}},
     *                      or null to insert nothing
     * @return the rewritten request as one buffer made of views of {@code body} and the inserted bytes: no copy of the
     *         body here (the socket write makes the one copy it needs anyway)
     */
    @SuppressWarnings("deprecation") // Buffer.buffer(ByteBuf): the only way in Vert.x 4 (BufferInternal in Vert.x 5)
    public static Buffer splice(byte[] body, Positions at, String model, byte[] systemMessage) {
        byte[] quotedModel = quoted(model);
        boolean hasModel = at.modelFrom() >= 0;
        int modelFrom = hasModel ? at.modelFrom() : at.objectStart() + 1;
        int modelTo = hasModel ? at.modelTo() : modelFrom;
        CompositeByteBuf out = Unpooled.compositeBuffer(7);
        // The model edit and the insertion into messages, in the order they appear in the body.
        boolean modelFirst = modelFrom < at.messagesAt();
        int pos = 0;
        for (int edit = 0; edit < 2; edit++) {
            if ((edit == 0) == modelFirst) {
                add(out, body, pos, modelFrom);
                add(out, hasModel ? quotedModel : concat(MODEL_KEY, quotedModel, COMMA));
                pos = modelTo;
            } else {
                add(out, body, pos, at.messagesAt());
                if (systemMessage != null) {
                    add(out, systemMessage);
                    add(out, COMMA); // the array is known to be non-empty
                }
                pos = at.messagesAt();
            }
        }
        add(out, body, pos, body.length);
        return Buffer.buffer(out);
    }

    private static void add(CompositeByteBuf out, byte[] bytes) {
        out.addComponent(true, Unpooled.wrappedBuffer(bytes));
    }

    private static void add(CompositeByteBuf out, byte[] body, int from, int to) {
        if (to > from) {
            out.addComponent(true, Unpooled.wrappedBuffer(body, from, to - from));
        }
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = Arrays.copyOf(a, a.length + b.length + c.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
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
