package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The scanner must read exactly what Jackson's reading gives, or decline and leave the body to it. */
class RequestScannerTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private static final String[] USUAL = {
        "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
        "{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"My PostgreSQL queries are"
                + " slow\"}],\"stream_options\":{\"include_usage\":true}}",
        " {\n  \"messages\" : [ {\"role\":\"system\",\"content\":\"Be brief \\\"now\\\" \\u00e9\"},"
                + " {\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"\u00fcber \uD83D\uDE00\"}]} ],\n"
                + "  \"model\" : \"gpt-\\\"4\\\"\", \"stream\": false, \"n\": 1.50, \"seed\": -0 }\n",
        "{\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"read\",\"description\":\"Reads a file.\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}}}}}],"
                + "\"temperature\":0.2,\"x_vendor\":{\"model\":\"inner\",\"messages\":null},\"stream\":null,"
                + "\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"c1\",\"type\":"
                + "\"function\",\"function\":{\"name\":\"read\",\"arguments\":\"{\\\"path\\\":\\\"a.sql\\\"}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"CREATE TABLE t (id bigint);\\n\"}]}",
        "{\"messages\":[]}"};

    private void assertSameAsJackson(byte[] body, RequestSplicer.Parsed scanned) throws Exception {
        RequestSplicer.Parsed jackson = RequestSplicer.readWithJackson(mapper, body);
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals(jackson.tree(), scanned.tree(), text);
        assertEquals(jackson.positions(), scanned.positions(), text);
    }

    @Test
    void readsTheUsualShapesAsJacksonDoes() throws Exception {
        for (String body : USUAL) {
            byte[] raw = body.getBytes(StandardCharsets.UTF_8);
            RequestSplicer.Parsed scanned = RequestScanner.read(mapper, raw);
            assertNotNull(scanned, body);
            assertSameAsJackson(raw, scanned);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\uFEFF{\"model\":\"auto\",\"messages\":[]}",                       // a byte order mark
            "{\"mod\\u0065l\":\"auto\",\"messages\":[]}",                       // an escaped key
            "{\"model\":\"a\",\"model\":\"b\",\"messages\":[]}",                // a repeated key the router reads
            "{\"model\":7,\"messages\":[]}",
            "{\"model\":\"a\",\"messages\":{}}",
            "{\"model\":\"a\"}",
            "{}",
            "[{\"model\":\"a\",\"messages\":[]}]",
            "{\"model\":\"a\",\"messages\":[]} {}",
            "{\"model\":\"a\",\"messages\":[],\"tools\":[1,]}",                 // malformed where it is not read
            ""})
    void declinesWhatItDoesNotHandle(String body) {
        assertNull(RequestScanner.read(mapper, body.getBytes(StandardCharsets.UTF_8)), body);
    }

    @Test
    void toolsSeenBeforeAreRecognisedAndAMalformedCopyOfThemIsNot() throws Exception {
        String tools = "[" + "{\"type\":\"function\",\"function\":{\"name\":\"read\",\"parameters\":{}}},".repeat(40)
                + "{\"type\":\"function\",\"function\":{\"name\":\"last\"}}]";
        String request = "{\"model\":\"auto\",\"tools\":" + tools
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        byte[] raw = request.getBytes(StandardCharsets.UTF_8);
        for (int turn = 0; turn < 3; turn++) { // the third time, the tools are recognised rather than checked
            RequestSplicer.Parsed scanned = RequestScanner.read(mapper, raw);
            assertNotNull(scanned);
            assertSameAsJackson(raw, scanned);
        }
        byte[] broken = request.replace("\"last\"}}]", "\"last\"}]]").getBytes(StandardCharsets.UTF_8);
        assertNull(RequestScanner.read(mapper, broken), "same start, different end: checked, and refused");
    }

    /** Thousands of mutants of the usual shapes: whatever the scanner reads, it reads as Jackson does. */
    @Test
    void whatItReadsOfMutantsJacksonReadsTheSame() throws Exception {
        Random random = new Random(20261203);
        int read = 0;
        int declined = 0;
        for (int round = 0; round < 40_000; round++) {
            byte[] mutant = Mutants.mutate(USUAL[round % USUAL.length].getBytes(StandardCharsets.UTF_8), random);
            RequestSplicer.Parsed scanned = RequestScanner.read(mapper, mutant);
            if (scanned == null) {
                declined++;
                continue;
            }
            read++;
            try {
                assertSameAsJackson(mutant, scanned);
            } catch (java.io.IOException e) {
                throw new AssertionError("read what Jackson refuses: " + new String(mutant, StandardCharsets.UTF_8),
                        e);
            }
        }
        assertTrue(read > 2_000 && declined > 2_000, "read " + read + ", declined " + declined);
    }
}
