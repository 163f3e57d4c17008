package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

class JsonSyntaxTest {

    private static final ObjectReader STRICT_JACKSON = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static int end(String json) {
        return JsonSyntax.skipValue(json.getBytes(StandardCharsets.UTF_8), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}", "[]", "0", "-0", "12", "-3.25", "1e9", "2.5E-3", "6.02e+23", "true", "false", "null", "\"\"",
            "{\"a\":1,\"b\":[true,false,null,{}],\"c\":{\"d\":\"e\"}}",
            "{ \"a\" :\t[ 1 ,\n2 ]\r\n}",
            "\"escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"",
            "\"ascii long enough for several eight-byte words: 0123456789abcdefghijklmnopqrstuvwxyz\"",
            "\"UTF-8: \u00e9 \u20ac \uD83D\uDE00 \u4e2d\u6587 and more text after it to go past a word\"",
            "\"\u007f is allowed\""})
    void acceptsWellFormedValues(String json) throws Exception {
        assertEquals(json.getBytes(StandardCharsets.UTF_8).length, end(json), json);
        STRICT_JACKSON.readTree(json); // and Jackson agrees
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "{", "[", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "{a:1}", "{'a':1}", "01", "1.", ".5",
            "+1", "-", "1e", "1e+", "NaN", "Infinity", "tru", "nul", "\"open", "\"bad \\x escape\"", "\"\\u12g4\"",
            "\"\\u12\"", "\"tab\tinside\"", "\"new\nline\"", "[1]]", "{\"a\":1}}", "/* comment */ 1",
            "{\"a\":1 // c\n}"})
    void refusesMalformedValues(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int end = JsonSyntax.skipValue(b, 0);
        assertTrue(end == JsonSyntax.FAILED || end < b.length, json + " ended at " + end);
    }

    @Test
    void refusesMalformedUtf8InsideStrings() {
        byte[][] bad = {
            {'"', (byte) 0xC3, '"'},                      // a lead byte without its continuation
            {'"', (byte) 0xA9, '"'},                      // a continuation byte alone
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},         // overlong '/'
            {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'},  // overlong, three bytes
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},  // an encoded surrogate
            {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // past U+10FFFF
            {'"', (byte) 0xFF, '"'}};
        for (byte[] b : bad) {
            assertEquals(JsonSyntax.FAILED, JsonSyntax.skipValue(b, 0), java.util.Arrays.toString(b));
        }
    }

    @Test
    void refusesNestingDeeperThanItsLimit() {
        String deep = "[".repeat(JsonSyntax.MAX_DEPTH + 1) + "]".repeat(JsonSyntax.MAX_DEPTH + 1);
        String allowed = "[".repeat(JsonSyntax.MAX_DEPTH) + "]".repeat(JsonSyntax.MAX_DEPTH);
        assertEquals(JsonSyntax.FAILED, end(deep));
        assertEquals(allowed.length(), end(allowed));
    }

    /**
     * The property the proxy relies on: whatever this check accepts, Jackson accepts. Thousands of mutants of
     * well-formed documents (bytes replaced, inserted or deleted, favouring the ones JSON's grammar turns on).
     */
    @Test
    void neverAcceptsWhatJacksonRefuses() {
        String[] seeds = {
            "{\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"description\":\"Reads a file \\\"as is\\\""
                    + " \u00e9\u20ac\",\"parameters\":{\"type\":\"object\",\"required\":[\"path\"],"
                    + "\"properties\":{\"path\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\","
                    + "\"minimum\":-1,\"default\":2.5e3}}},\"strict\":true,\"x\":null}}",
            "[{\"role\":\"tool\",\"content\":\"CREATE TABLE t (id bigint);\\n\\u00e9 \uD83D\uDE00\"},"
                    + "[1,-0.5,1E+2,[]]]"};
        Random random = new Random(20261203);
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < 40_000; round++) {
            byte[] mutant = Mutants.mutate(seeds[round % seeds.length].getBytes(StandardCharsets.UTF_8), random);
            int end = JsonSyntax.skipValue(mutant, 0);
            if (end == mutant.length) {
                accepted++;
                try {
                    STRICT_JACKSON.readTree(mutant);
                } catch (java.io.IOException e) {
                    throw new AssertionError("accepted what Jackson refuses: "
                            + new String(mutant, StandardCharsets.UTF_8) + " (" + e.getMessage() + ")");
                }
            } else {
                refused++;
            }
        }
        // Both sides exercised: many mutants stay well-formed (inside strings) and many do not.
        assertTrue(accepted > 2_000 && refused > 2_000, "accepted " + accepted + ", refused " + refused);
    }
}
