package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RequestSplicerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private static final String SYSTEM = "{\"role\":\"system\",\"content\":\"You are a DBA. \\u00e9\\n\\\"q\\\"\"}";

    /** Reads and splices as the proxy does; empty when the splice declines the body's shape. */
    private Optional<byte[]> splice(String body, String model, String system) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        RequestSplicer.Parsed parsed = RequestSplicer.read(mapper, raw);
        JsonNode whole = mapper.readTree(raw);
        if (whole.isObject()) { // the fields the router reads, as readTree gives them; no others
            ObjectNode read = mapper.createObjectNode();
            whole.properties().stream().filter(f -> Set.of("model", "stream", "messages").contains(f.getKey()))
                    .forEach(f -> read.set(f.getKey(), f.getValue()));
            assertEquals(read, parsed.tree(), "the read fields of readTree's tree");
        } else {
            assertEquals(whole, parsed.tree(), "the same value as readTree");
        }
        return Optional.ofNullable(parsed.positions()).map(at -> RequestSplicer.splice(raw, at, model,
                system == null ? null : system.getBytes(StandardCharsets.UTF_8)).getBytes());
    }

    /** Whatever the layout, the spliced bytes mean exactly what the tree rewrite means. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"model\":\"a\\u00e9\\\"b\"}",
            "{ \"messages\" : [ {\"role\":\"user\",\"content\":\"h\\u00e9 \\\"x\\\"\"} ] ,\n \"model\" : \"auto\", \"n\": 1.50 }",
            "{\"temperature\":0.2,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],"
                    + "\"model\":\"agent/dba\",\"x_vendor\":{\"messages\":[1],\"model\":\"inner\"},"
                    + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}",
            "\uFEFF{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"\u00fcber \uD83D\uDE00\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"no model key\"}]}"})
    void meansTheSameAsTheTreeRewrite(String body) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        byte[] spliced = splice(body, "gpt-\"x\"", SYSTEM).orElseThrow();
        ObjectNode expected = (ObjectNode) mapper.readTree(raw);
        expected.put("model", "gpt-\"x\"");
        ArrayNode messages = mapper.createArrayNode().add(mapper.readTree(SYSTEM));
        expected.get("messages").forEach(messages::add);
        expected.set("messages", messages);
        assertEquals(expected, mapper.readTree(spliced), new String(spliced, StandardCharsets.UTF_8));
    }

    @Test
    void everyOtherByteIsForwardedAsSent() throws Exception {
        String body = "{ \"n\": 1.50, \"model\":\"auto\",  \"messages\":[ {\"role\":\"user\",\"content\":\"hi\"}] }";
        byte[] spliced = splice(body, "m", null).orElseThrow();
        assertArrayEquals("{ \"n\": 1.50, \"model\":\"m\",  \"messages\":[ {\"role\":\"user\",\"content\":\"hi\"}] }"
                .getBytes(StandardCharsets.UTF_8), spliced);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"a\",\"model\":\"b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"model\":\"a\",\"messages\":{}}",
            "{\"model\":\"a\"}",
            "{\"model\":\"a\",\"messages\":[{\"role\":\"user\"}]} {}",
            "{\"model\":\"a\",\"messages\":[{\"role\":\"user\"}]} trailing",
            "[1]"})
    void declinesShapesItDoesNotHandle(String body) throws Exception {
        assertTrue(splice(body, "m", SYSTEM).isEmpty());
    }

    @Test
    void theModelKeyIsAddedWhereverMessagesStand() throws Exception {
        assertEquals("{\"model\":\"m\",\"messages\":[{\"role\":\"system\"},{\"role\":\"user\"}],\"n\":1}",
                new String(splice("{\"messages\":[{\"role\":\"user\"}],\"n\":1}", "m", "{\"role\":\"system\"}")
                        .orElseThrow(), StandardCharsets.UTF_8));
        assertEquals("{\"n\":null,\"messages\":[{\"role\":\"user\"}],\"model\":\"m\"}",
                new String(splice("{\"n\":null,\"messages\":[{\"role\":\"user\"}],\"model\":\"auto\"}", "m", null)
                        .orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void malformedJsonFailsWithItsLocation() {
        com.fasterxml.jackson.core.JsonProcessingException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> RequestSplicer.read(mapper, "{\"model\": \"auto\",\n \"messages\": [}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.getLocation().getLineNr());
    }

    @Test
    void malformedJsonInAFieldTheRouterDoesNotReadStillFails() {
        com.fasterxml.jackson.core.JsonProcessingException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> RequestSplicer.read(mapper, ("{\"model\": \"auto\", \"messages\": [],\n \"tools\": [{\"a\": tru}],"
                        + " \"n\": 1}").getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, e.getLocation().getLineNr());
    }

    @Test
    void usageOfAWholeAnswerIsReadFromItsLastUsageKey() {
        String answer = "{\"choices\":[{\"message\":{\"content\":\"the \\\"usage\\\": {} word\"}}],"
                + "\"usage\" : {\"prompt_tokens\":42,\"completion_tokens\":17}}";
        assertEquals(Optional.of(new SseUsageScanner.Usage(42, 17)),
                SseUsageScanner.read(mapper, io.vertx.core.buffer.Buffer.buffer(answer)));
        assertEquals(Optional.empty(), SseUsageScanner.read(mapper, io.vertx.core.buffer.Buffer.buffer("{\"usage\":null}")));
    }
}
