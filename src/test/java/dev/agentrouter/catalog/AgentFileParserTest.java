package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven parsing of agent files written for these tests (src/test/resources/catalog). */
class AgentFileParserTest {

    static AgentDefinition parse(String file) throws Exception {
        return AgentFileParser.parse(file, bytes(file));
    }

    static byte[] bytes(String file) throws IOException {
        try (InputStream in = AgentFileParserTest.class.getResourceAsStream("/catalog/" + file)) {
            return in.readAllBytes();
        }
    }

    /** file, name, description without examples, model, tools, number of examples, first example prompt. */
    static Stream<Arguments> validFiles() {
        return Stream.of(
                Arguments.of("folded.md", "folded-agent", "Reviews Terraform plans: drift, risky changes and cost.",
                        "opus", List.of("Read", "Grep"), 1, "review this plan for risky deletes"),
                Arguments.of("block.md", "block-agent", "Writes SQL migrations. Keeps them reversible.", null,
                        List.of("Read", "Write"), 0, null),
                Arguments.of("quoted.md", "quoted-agent", "Designs APIs.", "sonnet",
                        List.of("Read", "Write", "Edit"), 2, "Design a REST API for orders"),
                Arguments.of("plain.md", "plain-agent", "Plain one-line description without examples.", null,
                        List.of(), 0, null),
                Arguments.of("lenient.md", "lenient-agent", "Use this agent when: you need help.", "haiku",
                        List.of(), 1, "tune my JVM"),
                Arguments.of("examples-list.md", "listed-agent", "Agent whose examples are listed in the frontmatter.",
                        null, List.of(), 2, "Plain string example"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validFiles")
    void parsesValidFiles(String file, String name, String description, String model, List<String> tools,
                          int examples, String firstExample) throws Exception {
        AgentDefinition a = parse(file);
        assertEquals(name, a.name());
        assertEquals(description, a.description());
        assertEquals(model, a.model());
        assertEquals(tools, a.tools());
        assertEquals(examples, a.examples().size());
        if (firstExample != null) {
            assertEquals(firstExample, a.examples().get(0).userPrompt());
        }
        assertFalse(a.systemPrompt().isBlank());
        assertEquals(file, a.source());
        assertEquals(64, a.contentHash().length());
    }

    /** file, expected line (null: none), words the reason must contain. */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("missing-name.md", null, "missing required frontmatter key 'name'"),
                Arguments.of("missing-description.md", null, "missing required frontmatter key 'description'"),
                Arguments.of("broken-yaml.md", 3, "while scanning a quoted scalar started on line 3"),
                Arguments.of("no-close.md", 1, "never closed"),
                Arguments.of("bad-name.md", 2, "must be 1-128 characters"),
                Arguments.of("no-frontmatter.md", 1, "does not start with a '---'"),
                Arguments.of("not-utf8.md", null, "not valid UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void rejectsBrokenFilesWithAPreciseReason(String file, Integer line, String reason) {
        AgentFileException e = assertThrows(AgentFileException.class, () -> parse(file));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }

    @Test
    void keepsContextAssistantAndCommentaryApart() throws Exception {
        AgentExample e = parse("quoted.md").examples().get(0);
        assertEquals("Design a REST API for orders", e.userPrompt());
        assertEquals("New service.", e.context());
        assertEquals("I'll design it.", e.assistant());
        assertEquals("API design.", e.commentary());
        AgentExample unquoted = parse("quoted.md").examples().get(1);
        assertEquals("Add pagination to GET /orders", unquoted.userPrompt());
        assertNull(unquoted.context());
    }

    @Test
    void explicitExamplesMayBeMappings() throws Exception {
        AgentExample e = parse("examples-list.md").examples().get(1);
        assertEquals("Mapped example", e.userPrompt());
        assertEquals("Some context", e.context());
        assertEquals("An answer", e.assistant());
    }

    @Test
    void keepsUnknownKeys() throws Exception {
        AgentDefinition a = parse("block.md");
        assertEquals("data-team", a.extra().get("owner"));
        assertEquals(3, a.extra().get("priority"));
        assertEquals(AgentDefinition.FrontmatterMode.YAML, a.frontmatter());
    }

    @Test
    void lenientReadingIsRecordedInTheMetadata() throws Exception {
        AgentDefinition a = parse("lenient.md");
        assertEquals(AgentDefinition.FrontmatterMode.LENIENT, a.frontmatter());
        assertTrue(String.valueOf(a.extra().get("frontmatterWarning")).contains("not valid YAML"));
    }

    @Test
    void theSeedAgentLoadsLeniently() throws Exception {
        byte[] seed;
        try (InputStream in = getClass().getResourceAsStream("/agents/backend-developer.md")) {
            seed = in.readAllBytes();
        }
        AgentDefinition a = AgentFileParser.parse("backend-developer.md", seed);
        assertEquals("backend-developer", a.name());
        assertEquals(3, a.examples().size());
        assertEquals("My PostgreSQL queries are running slowly and I need to optimize them",
                a.examples().get(1).userPrompt());
        assertEquals("red", a.color());
        assertFalse(a.description().contains("<example>"));
        assertTrue(a.systemPrompt().startsWith("You are a BACKEND-DEVELOPER"));
    }
}
