package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class RequestSplicerTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private static final String SYSTEM = "{\"role\":\"system\",\"content\":\"You are a DBA. \\u00e9\\n\\\"q\\\"\"}";

    /** Whatever the layout, the spliced bytes mean exactly what the tree rewrite means. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{ \"messages\" : [ {\"role\":\"user\",\"content\":\"h\\u00e9 \\\"x\\\"\"} ] ,\n \"model\" : \"auto\", \"n\": 1.50 }",
            "{\"temperature\":0.2,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":{}}}],"
                    + "\"model\":\"agent/dba\",\"x_vendor\":{\"messages\":[1],\"model\":\"inner\"},"
                    + "\"messages\":[{\"role\":\"system\",\"content\":\"Be brief\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]}",
            "\uFEFF{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"\u00fcber \uD83D\uDE00\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"no model key\"}]}"})
    void meansTheSameAsTheTreeRewrite(String body) throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        byte[] spliced = RequestSplicer.splice(mapper.getFactory(), raw, "gpt-\"x\"", SYSTEM.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        ObjectNode expected = (ObjectNode) mapper.readTree(raw);
        expected.put("model", "gpt-\"x\"");
        ArrayNode messages = mapper.createArrayNode().add(mapper.readTree(SYSTEM));
        expected.get("messages").forEach(messages::add);
        expected.set("messages", messages);
        assertEquals(expected, mapper.readTree(spliced), new String(spliced, StandardCharsets.UTF_8));
    }

    @Test
    void everyOtherByteIsForwardedAsSent() {
        String body = "{ \"n\": 1.50, \"model\":\"auto\",  \"messages\":[ {\"role\":\"user\",\"content\":\"hi\"}] }";
        byte[] spliced = RequestSplicer.splice(mapper.getFactory(), body.getBytes(StandardCharsets.UTF_8), "m", null)
                .orElseThrow();
        assertArrayEquals("{ \"n\": 1.50, \"model\":\"m\",  \"messages\":[ {\"role\":\"user\",\"content\":\"hi\"}] }"
                .getBytes(StandardCharsets.UTF_8), spliced);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"model\":\"a\",\"model\":\"b\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"model\":7,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
            "{\"model\":\"a\",\"messages\":{}}",
            "[1]"})
    void declinesShapesItDoesNotHandle(String body) {
        Optional<byte[]> out = RequestSplicer.splice(mapper.getFactory(), body.getBytes(StandardCharsets.UTF_8), "m",
                SYSTEM.getBytes(StandardCharsets.UTF_8));
        assertTrue(out.isEmpty());
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
