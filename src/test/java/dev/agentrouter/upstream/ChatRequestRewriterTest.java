package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.agentrouter.catalog.AgentDefinition;

class ChatRequestRewriterTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private static AgentDefinition agent(String model) {
        return new AgentDefinition("dba", "Databases", List.of(), model, List.of(), null, java.util.Map.of(),
                "You are a DBA.", "dba.md", AgentDefinition.FrontmatterMode.YAML, "0");
    }

    private ObjectNode request() throws Exception {
        return (ObjectNode) mapper.readTree("{\"model\":\"auto\",\"temperature\":0.1,\"x_vendor\":{\"a\":[1,2]},"
                + "\"response_format\":{\"type\":\"json_object\"},\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    @Test
    void prependsTheAgentAndKeepsEverythingElse() throws Exception {
        ObjectNode out = ChatRequestRewriter.rewrite(request(), agent("sonnet"), "gpt-x", true);
        assertEquals("{\"model\":\"gpt-x\",\"temperature\":0.1,\"x_vendor\":{\"a\":[1,2]},"
                + "\"response_format\":{\"type\":\"json_object\"},\"messages\":["
                + "{\"role\":\"system\",\"content\":\"You are a DBA.\"},"
                + "{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"hi\"}]}",
                out.toString());
    }

    @Test
    void replaceDropsTheClientsSystemMessages() throws Exception {
        ObjectNode out = ChatRequestRewriter.rewrite(request(), agent("sonnet"), "gpt-x", false);
        assertEquals(2, out.get("messages").size());
        assertEquals("You are a DBA.", out.get("messages").get(0).get("content").asText());
    }

    @Test
    void unroutedChangesOnlyTheModel() throws Exception {
        ObjectNode out = ChatRequestRewriter.rewrite(request(), null, "gpt-x", true);
        ObjectNode expected = request().put("model", "gpt-x");
        assertEquals(expected, out);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"sonnet, up-sonnet", "OPUS, up-opus", "inherit, up-default", "'', up-default",
            "claude-3-7-sonnet-latest, claude-3-7-sonnet-latest"})
    void modelsAreMappedThroughConfiguration(String model, String expected) {
        ModelMapper mapper = new ModelMapper(java.util.Map.of("sonnet", "up-sonnet", "opus", "up-opus"),
                Optional.of("up-default"));
        assertEquals(expected, mapper.upstreamModel(agent(model)).orElseThrow());
    }
}
