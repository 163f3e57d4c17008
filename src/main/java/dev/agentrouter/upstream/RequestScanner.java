package dev.agentrouter.upstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a chat completion request of the usual shape straight from its bytes: one object whose keys have no escapes,
 * {@code model}, {@code stream} and {@code messages} at most once each, a string model and an array of messages, and
 * nothing after it. Jackson parses only those three values; every other value gets {@link JsonSyntax}'s check (or is
 * recognised as bytes checked before, {@link CheckedValues}).
 * Anything else is declined (null) and {@link RequestSplicer} reads the body with Jackson instead, which decides what
 * it is: the same tree and positions, or a precise error.
 */
final class RequestScanner {

    /** The fields the router reads: the tree's key, and its bytes for recognising it in the body. */
    private enum Field {
        MODEL("model"), STREAM("stream"), MESSAGES("messages");

        final String key;
        final byte[] bytes;

        Field(String key) {
            this.key = key;
            this.bytes = key.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private static final Field[] FIELDS = Field.values();

    private final ObjectMapper mapper;
    private final byte[] b;
    private final ObjectNode tree;
    private int modelFrom = -1;
    private int modelTo = -1;
    private int messagesAt = -1;

    private RequestScanner(ObjectMapper mapper, byte[] body) {
        this.mapper = mapper;
        this.b = body;
        this.tree = mapper.getNodeFactory().objectNode();
    }

    /** The parsed request, or null when it is not of the usual shape or not well-formed. */
    static RequestSplicer.Parsed read(ObjectMapper mapper, byte[] body) {
        return new RequestScanner(mapper, body).read();
    }

    private RequestSplicer.Parsed read() {
        int i = JsonSyntax.skipWhitespace(b, 0);
        if (i >= b.length || b[i] != '{') {
            return null;
        }
        int objectStart = i;
        i = JsonSyntax.skipWhitespace(b, i + 1);
        while (true) {
            if (i >= b.length || b[i] != '"') {
                return null; // also an empty object: it has no messages
            }
            int keyEnd = JsonSyntax.skipString(b, i);
            if (keyEnd == JsonSyntax.FAILED || contains(i + 1, keyEnd - 1, (byte) '\\')) {
                return null;
            }
            Field key = readKey(i + 1, keyEnd - 1);
            i = JsonSyntax.skipWhitespace(b, keyEnd);
            if (i >= b.length || b[i] != ':') {
                return null;
            }
            int from = JsonSyntax.skipWhitespace(b, i + 1);
            int to = key == null ? skipUnread(from) : JsonSyntax.skipValue(b, from);
            if (to == JsonSyntax.FAILED || key != null && !take(key, from, to)) {
                return null;
            }
            i = JsonSyntax.skipWhitespace(b, to);
            if (i < b.length && b[i] == '}') {
                break;
            }
            if (i >= b.length || b[i] != ',') {
                return null;
            }
            i = JsonSyntax.skipWhitespace(b, i + 1);
        }
        if (JsonSyntax.skipWhitespace(b, i + 1) != b.length || messagesAt < 0) {
            return null;
        }
        return new RequestSplicer.Parsed(tree, new RequestSplicer.Positions(objectStart, modelFrom, modelTo,
                messagesAt));
    }

    /** Past a value the router forwards unread: checked, unless the same bytes were checked before. */
    private int skipUnread(int from) {
        CheckedValues checked = CheckedValues.ofThisThread();
        int known = checked.endOfKnown(b, from);
        if (known >= 0) {
            return known;
        }
        int to = JsonSyntax.skipValue(b, from);
        if (to != JsonSyntax.FAILED) {
            checked.remember(b, from, to);
        }
        return to;
    }

    /**
     * Adds the value of a field the router reads to the tree, noting where the splice edits; false when the field is
     * repeated (Jackson's reading keeps the last one, and the splice declines) or its value not of the usual kind.
     */
    private boolean take(Field field, int from, int to) {
        if (tree.has(field.key)) {
            return false;
        }
        JsonNode value;
        if (field == Field.MODEL) {
            if (b[from] != '"') {
                return false;
            }
            modelFrom = from;
            modelTo = to;
            value = contains(from, to, (byte) '\\') ? jacksonTree(from, to)
                    : mapper.getNodeFactory().textNode(new String(b, from + 1, to - from - 2, StandardCharsets.UTF_8));
        } else if (field == Field.STREAM) {
            value = b[from] == 't' || b[from] == 'f' ? mapper.getNodeFactory().booleanNode(b[from] == 't')
                    : jacksonTree(from, to);
        } else {
            if (b[from] != '[') {
                return false;
            }
            messagesAt = from + 1;
            value = jacksonTree(from, to);
        }
        if (value == null) {
            return false;
        }
        tree.set(field.key, value);
        return true;
    }

    /** The field whose name the key's bytes are, or null for a field the router does not read. */
    private Field readKey(int from, int to) {
        for (Field field : FIELDS) {
            if (Arrays.equals(b, from, to, field.bytes, 0, field.bytes.length)) {
                return field;
            }
        }
        return null;
    }

    private boolean contains(int from, int to, byte wanted) {
        for (int k = from; k < to; k++) {
            if (b[k] == wanted) {
                return true;
            }
        }
        return false;
    }

    /** Jackson's tree of a value already checked; null if Jackson disagrees (then it reads the whole body). */
    private JsonNode jacksonTree(int from, int to) {
        try {
            return mapper.readTree(b, from, to - from);
        } catch (IOException e) {
            return null;
        }
    }
}
