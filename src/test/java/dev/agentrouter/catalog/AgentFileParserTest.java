package dev.agentrouter.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.agentrouter.catalog.AgentDefinition.FrontmatterMode;

/** Table-driven parsing of the seed agent and of agent files written for these tests (src/test/resources/catalog). */
class AgentFileParserTest {

    static AgentDefinition parse(String resource) throws Exception {
        return AgentFileParser.parse(resource, bytes(resource));
    }

    static byte[] bytes(String resource) throws IOException {
        try (InputStream in = AgentFileParserTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is on the test class path");
            return in.readAllBytes();
        }
    }

    static AgentDefinition parseText(String text) throws AgentFileException {
        return AgentFileParser.parse("inline.md", text.getBytes(StandardCharsets.UTF_8));
    }

    static AgentFileException reject(String text) {
        return assertThrows(AgentFileException.class, () -> parseText(text));
    }

    static String file(String frontmatter) {
        return "---\n" + frontmatter + "\n---\nBody.\n";
    }

    /**
     * resource, name, description without examples, model, tools, color, how the frontmatter was read, the example
     * prompts in order, the first line of the system prompt.
     */
    static Stream<Arguments> validFiles() {
        return Stream.of(
                Arguments.of("/agents/backend-developer.md", "backend-developer",
                        "Use this agent when you need to design, develop, or optimize server-side applications, APIs,"
                                + " databases, or backend infrastructure. This includes creating RESTful or GraphQL"
                                + " APIs, implementing authentication systems, designing database schemas, optimizing"
                                + " query performance, setting up Node.js/TypeScript projects, implementing security"
                                + " measures, or troubleshooting backend issues.",
                        "sonnet", List.of(), "red", FrontmatterMode.LENIENT,
                        List.of("I need to create a REST API endpoint for user authentication",
                                "My PostgreSQL queries are running slowly and I need to optimize them",
                                "What's the best way to structure a Node.js microservices architecture?"),
                        "You are a BACKEND-DEVELOPER"),
                Arguments.of("/catalog/folded.md", "folded-agent",
                        "Reviews Terraform plans: drift, risky changes and cost.", "opus", List.of("Read", "Grep"),
                        "green", FrontmatterMode.YAML, List.of("review this plan for risky deletes"),
                        "You review Terraform."),
                Arguments.of("/catalog/folded-strip.md", "stripped-agent", "Folded and stripped, over two lines.", null,
                        List.of("Read", "Grep"), null, FrontmatterMode.YAML, List.of("fold me"), "Stripped body."),
                Arguments.of("/catalog/block.md", "block-agent", "Writes SQL migrations. Keeps them reversible.", null,
                        List.of("Read", "Write"), null, FrontmatterMode.YAML, List.of(), "Body of the block agent."),
                Arguments.of("/catalog/block-backslash.md", "regex-agent",
                        "Matches Windows paths like C:\\new\\dir and regexes like \\n or \\d+.", null, List.of(), null,
                        FrontmatterMode.YAML, List.of(), "Regex body."),
                Arguments.of("/catalog/quoted.md", "quoted-agent", "Designs APIs.", "sonnet",
                        List.of("Read", "Write", "Edit"), null, FrontmatterMode.YAML,
                        List.of("Design a REST API for orders", "Add pagination to GET /orders"), "You design APIs."),
                Arguments.of("/catalog/plain.md", "plain-agent", "Plain one-line description without examples.", null,
                        List.of(), null, FrontmatterMode.YAML, List.of(), "Plain body."),
                Arguments.of("/catalog/lenient.md", "lenient-agent", "Use this agent when: you need help.", "haiku",
                        List.of(), null, FrontmatterMode.LENIENT, List.of("tune my JVM"), "Lenient body."),
                Arguments.of("/catalog/lenient-wrapped.md", "wrapped-agent",
                        "Use this agent when: the description is unquoted, wraps onto a second line and a third.",
                        null, List.of("Read", "Bash"), null, FrontmatterMode.LENIENT, List.of(), "Wrapped body."),
                Arguments.of("/catalog/examples-list.md", "listed-agent",
                        "Agent whose examples are listed in the frontmatter.", null, List.of(), null,
                        FrontmatterMode.YAML, List.of("Plain string example", "Mapped example"), "Body."),
                Arguments.of("/catalog/bom-crlf.md", "windows-agent", "Saved on Windows with a byte-order mark.", null,
                        List.of("Read"), null, FrontmatterMode.YAML, List.of(), "Windows body."));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("validFiles")
    void parsesValidFiles(String resource, String name, String description, String model, List<String> tools,
                          String color, FrontmatterMode mode, List<String> prompts, String bodyStart)
            throws Exception {
        AgentDefinition a = parse(resource);
        assertEquals(name, a.name());
        assertEquals(description, a.description());
        assertEquals(model, a.model());
        assertEquals(tools, a.tools());
        assertEquals(color, a.color());
        assertEquals(mode, a.frontmatter());
        assertEquals(prompts, a.examples().stream().map(AgentExample::userPrompt).toList());
        assertTrue(a.systemPrompt().startsWith(bodyStart), a.systemPrompt());
        assertEquals(resource, a.source());
        assertEquals(64, a.contentHash().length());
    }

    /** resource, expected line (null: the problem has no line), the exact reason. */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("missing-name.md", null, "missing required frontmatter key 'name'"),
                Arguments.of("missing-description.md", null, "missing required frontmatter key 'description'"),
                Arguments.of("broken-yaml.md", 3, "invalid YAML frontmatter: found unexpected end of stream on line 4,"
                        + " while scanning a quoted scalar started on line 3"),
                Arguments.of("broken-flow.md", 4, "invalid YAML frontmatter: expected ',' or ']', but got : on line 5,"
                        + " while parsing a flow sequence started on line 4"),
                Arguments.of("bad-indent.md", 4, "invalid YAML frontmatter: mapping values are not allowed here"
                        + " (line 3); read as 'key: value' lines instead, line 4 is neither a 'key: value' line nor a"
                        + " continuation of one"),
                Arguments.of("duplicate-key.md", 5,
                        "frontmatter key 'description' appears twice, on lines 3 and 5; keep one"),
                Arguments.of("empty-frontmatter.md", 2,
                        "frontmatter is empty; it needs at least 'name' and 'description'"),
                Arguments.of("name-list.md", 4, "frontmatter key 'name' must be text, found a list"),
                Arguments.of("no-close.md", 1, "frontmatter opened on line 1 is never closed with '---'"),
                Arguments.of("bad-name.md", 2, "name 'has spaces/and slashes' must be 1-128 characters of letters,"
                        + " digits, '.', '_' or '-', starting with a letter or digit"),
                Arguments.of("no-frontmatter.md", 1, "file does not start with a '---' frontmatter line"),
                Arguments.of("not-utf8.md", 3, "file is not valid UTF-8: byte 0xE9 on line 3 (byte offset 33) cannot"
                        + " be decoded; save the file as UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void rejectsBrokenFilesWithAPreciseReason(String file, Integer line, String reason) {
        AgentFileException e = assertThrows(AgentFileException.class, () -> parse("/catalog/" + file));
        assertEquals(reason, e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
    }

    /** How the description is written in YAML, and what it must read as. */
    static Stream<Arguments> descriptionStyles() {
        return Stream.of(
                Arguments.of("plain", "description: Reviews code.", "Reviews code."),
                Arguments.of("single-quoted", "description: 'It''s a reviewer.'", "It's a reviewer."),
                Arguments.of("double-quoted with \\n escapes", "description: \"Line one.\\nLine two.\"",
                        "Line one. Line two."),
                Arguments.of("double-quoted with escaped \\\\n (VoltAgent)", "description: \"One.\\\\nTwo.\"",
                        "One. Two."),
                Arguments.of("folded >", "description: >\n  Folded\n  text.", "Folded text."),
                Arguments.of("folded >-", "description: >-\n  Folded\n  text.", "Folded text."),
                Arguments.of("block |", "description: |\n  Block\n  text.", "Block text."),
                Arguments.of("block |- keeps a literal backslash-n", "description: |-\n  Use \\n in a regex.",
                        "Use \\n in a regex."),
                Arguments.of("lenient, literal \\n as typed", "description: Use when: x.\\nMore.", "Use when: x. More."),
                Arguments.of("multi-line double-quoted", "description: \"Spans\n  two lines.\"", "Spans two lines."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("descriptionStyles")
    void readsEveryDescriptionStyle(String style, String yaml, String description) throws Exception {
        assertEquals(description, parseText(file("name: styled\n" + yaml)).description());
    }

    /** Scalars YAML 1.1 would turn into booleans, numbers or dates stay as written in the text keys. */
    static Stream<Arguments> textKeys() {
        return Stream.of(
                Arguments.of("name: yes", "name", "yes"),
                Arguments.of("name: 2024-01-01", "name", "2024-01-01"),
                Arguments.of("model: 1.10", "model", "1.10"),
                Arguments.of("color: off", "color", "off"),
                Arguments.of("description: 0x1F", "description", "0x1F"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textKeys")
    void textKeysStayAsWritten(String yaml, String key, String expected) throws Exception {
        String base = Stream.of("name: n", "description: d").filter(l -> !l.startsWith(key + ":"))
                .reduce("", (a, b) -> a + b + "\n");
        AgentDefinition a = parseText(file(base + yaml));
        Map<String, String> values = new java.util.HashMap<>();
        values.put("name", a.name());
        values.put("description", a.description());
        values.put("model", a.model());
        values.put("color", a.color());
        assertEquals(expected, values.get(key));
    }

    /** How {@code tools} is written, and the list it must become. */
    static Stream<Arguments> toolStyles() {
        return Stream.of(
                Arguments.of("tools: Read, Grep, Bash", List.of("Read", "Grep", "Bash")),
                Arguments.of("tools: Read,Grep , ,Bash,", List.of("Read", "Grep", "Bash")),
                Arguments.of("tools: [Read, Grep]", List.of("Read", "Grep")),
                Arguments.of("tools:\n  - Read\n  - Grep", List.of("Read", "Grep")),
                Arguments.of("tools: Read", List.of("Read")),
                Arguments.of("tools:", List.of()),
                Arguments.of("model: sonnet", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolStyles")
    void readsToolsAsStringOrList(String yaml, List<String> tools) throws Exception {
        assertEquals(tools, parseText(file("name: t\ndescription: d\n" + yaml)).tools());
    }

    /** Names travel in URLs, model ids and metric tags. */
    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("a", true),
                Arguments.of("code-reviewer", true),
                Arguments.of("v1.2_beta-3", true),
                Arguments.of("9lives", true),
                Arguments.of("x".repeat(128), true),
                Arguments.of("x".repeat(129), false),
                Arguments.of("\"has space\"", false),
                Arguments.of("a/b", false),
                Arguments.of("-leading-dash", false),
                Arguments.of(".hidden", false),
                Arguments.of("café", false),
                Arguments.of("\"semi;colon\"", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void acceptsOnlySimpleNames(String name, boolean valid) throws Exception {
        String text = file("description: d\nname: " + name);
        if (valid) {
            assertEquals(name, parseText(text).name());
        } else {
            AgentFileException e = reject(text);
            assertTrue(e.getMessage().startsWith("name '"), e.getMessage());
            assertTrue(e.getMessage().endsWith("must be 1-128 characters of letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit"), e.getMessage());
            assertEquals(3, e.line());
        }
    }

    /** The inside of one example block, and the prompt, context, assistant reply and commentary it must yield. */
    static Stream<Arguments> exampleBlocks() {
        return Stream.of(
                Arguments.of("one line, quoted (the seed)",
                        "Context: User needs help. user: \"Fix my API\" assistant: \"I'll help\" "
                                + "<commentary>API work.</commentary>",
                        "Fix my API", "User needs help.", "I'll help", "API work."),
                Arguments.of("spread over lines (VoltAgent)",
                        "\nContext: A team.\nuser: \"Design it\"\nassistant: \"Done\"\n<commentary>\nWhy.\n</commentary>\n",
                        "Design it", "A team.", "Done", "Why."),
                Arguments.of("unquoted prompt", "user: add pagination\nassistant: sure", "add pagination", null,
                        "sure", null),
                Arguments.of("curly quotes", "User: \u201cRefactor this\u201d Assistant: ok", "Refactor this", null,
                        "ok", null),
                Arguments.of("a label inside the quoted prompt is text",
                        "Context: c. user: \"Help the user: add a context: field\" assistant: ok",
                        "Help the user: add a context: field", "c.", "ok", null),
                Arguments.of("quotes inside the quoted prompt",
                        "user: \"review \"main.py\" now\" assistant: ok", "review \"main.py\" now", null, "ok", null),
                Arguments.of("multi-turn: the first user turn is the prompt",
                        "user: first\nassistant: a\nuser: second\nassistant: b", "first", null, "a", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleBlocks")
    void extractsExampleParts(String label, String block, String user, String context, String assistant,
                              String commentary) {
        AgentExample e = ExampleExtractor.parseBlock(block);
        assertEquals(new AgentExample(user, context, assistant, commentary), e);
    }

    @Test
    void anExampleBlockWithoutAUserPromptIsNotAnExample() {
        ExampleExtractor.Split split = ExampleExtractor.split(
                "Does things. <example>Context: c. assistant: a</example> More prose. Examples:");
        assertEquals(List.of(), split.examples());
        assertEquals("Does things. More prose.", split.prose());
    }

    @Test
    void keepsContextAssistantAndCommentaryApart() throws Exception {
        List<AgentExample> examples = parse("/catalog/quoted.md").examples();
        assertEquals(new AgentExample("Design a REST API for orders", "New service.", "I'll design it.",
                "API design."), examples.get(0));
        assertEquals(new AgentExample("Add pagination to GET /orders", null, "Sure.", null), examples.get(1));
    }

    @Test
    void explicitExamplesMayBeStringsOrMappings() throws Exception {
        assertEquals(List.of(AgentExample.ofPrompt("Plain string example"),
                        new AgentExample("Mapped example", "Some context", "An answer", null)),
                parse("/catalog/examples-list.md").examples());
    }

    @Test
    void explicitExamplesFollowTheDescriptionsOwn() throws Exception {
        AgentDefinition a = parseText(file("name: both\ndescription: \"D. <example>user: from block</example>\"\n"
                + "examples:\n  - prompt: from list\n    commentary: why"));
        assertEquals(List.of(AgentExample.ofPrompt("from block"), new AgentExample("from list", null, null, "why")),
                a.examples());
    }

    /** Frontmatter that is valid YAML but not a usable examples list. */
    static Stream<Arguments> badExampleLists() {
        return Stream.of(
                Arguments.of("examples: just one string", "frontmatter key 'examples' must be a list"),
                Arguments.of("examples:\n  - context: no prompt",
                        "every mapping in 'examples' needs a 'user' (or 'prompt') entry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badExampleLists")
    void rejectsUnusableExampleLists(String yaml, String reason) {
        AgentFileException e = reject(file("name: x\ndescription: d\n" + yaml));
        assertEquals(reason, e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void keepsUnknownKeys() throws Exception {
        AgentDefinition a = parse("/catalog/block.md");
        assertEquals(Map.of("owner", "data-team", "priority", 3), a.extra());

        AgentDefinition nested = parseText(file("name: n\ndescription: d\nlabels:\n  team: core\n  tier: 1\n"
                + "aliases: [x, y]"));
        assertEquals(Map.of("labels", Map.of("team", "core", "tier", 1), "aliases", List.of("x", "y")),
                nested.extra());
    }

    @Test
    void lenientReadingIsRecordedInTheMetadata() throws Exception {
        AgentDefinition a = parse("/catalog/lenient.md");
        assertEquals(FrontmatterMode.LENIENT, a.frontmatter());
        assertEquals("not valid YAML (line 3: mapping values are not allowed here); read as 'key: value' lines",
                a.extra().get("frontmatterWarning"));
        assertEquals(AgentDefinition.FrontmatterMode.YAML, parse("/catalog/plain.md").frontmatter());
        assertNull(parse("/catalog/plain.md").extra().get("frontmatterWarning"));
    }

    @Test
    void theContentHashTellsVersionsApart() throws Exception {
        String v1 = file("name: h\ndescription: one");
        assertEquals(parseText(v1).contentHash(), parseText(v1).contentHash());
        assertTrue(!parseText(v1).contentHash().equals(parseText(file("name: h\ndescription: two")).contentHash()));
    }
}
