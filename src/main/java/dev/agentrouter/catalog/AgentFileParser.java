package dev.agentrouter.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns the bytes of one agent file into an {@link AgentDefinition}, or explains precisely why it cannot. */
public final class AgentFileParser {

    /** Names travel in URLs, model ids ({@code agent/<name>}) and metric tags, so they stay simple. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Set<String> KNOWN_KEYS = Set.of("name", "description", "model", "tools", "color", "examples");

    private AgentFileParser() {}

    public static AgentDefinition parse(String source, byte[] content) throws AgentFileException {
        String text = decode(content);
        Frontmatter fm = FrontmatterReader.read(text);
        Map<String, Object> values = fm.values();

        String name = requiredString(values, "name", text);
        if (!NAME.matcher(name).matches()) {
            throw new AgentFileException("name '" + name + "' must be 1-128 characters of letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit", lineOf(text, "name"));
        }
        // Descriptions written as YAML double-quoted strings often carry "\\n", i.e. a literal backslash-n after
        // decoding, and unquoted ones read leniently carry it as typed; Claude Code shows those as line breaks, so
        // they are line breaks here too. In a | or > block a backslash is literal text (a regex, a Windows path).
        String description = requiredString(values, "description", text);
        if (!fm.blockScalars().contains("description")) {
            description = description.replace("\\n", "\n");
        }
        ExampleExtractor.Split split = ExampleExtractor.split(description);
        List<AgentExample> examples = new ArrayList<>(split.examples());
        examples.addAll(explicitExamples(values.get("examples"), text));

        Map<String, Object> extra = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!KNOWN_KEYS.contains(k) && v != null) {
                extra.put(k, plain(v));
            }
        });
        if (fm.mode() == AgentDefinition.FrontmatterMode.LENIENT) {
            extra.put("frontmatterWarning", "not valid YAML (" + fm.yamlError() + "); read as 'key: value' lines");
        }
        return new AgentDefinition(name, split.prose(), examples,
                optionalString(values, "model"), tools(values.get("tools")), optionalString(values, "color"),
                extra, fm.body(), source, fm.mode(), sha256(content));
    }

    private static String decode(byte[] content) throws AgentFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        // UTF-8 never yields more chars than bytes.
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new AgentFileException(String.format("file is not valid UTF-8: byte 0x%02X on line %d (byte offset"
                    + " %d) cannot be decoded; save the file as UTF-8", content[offset] & 0xff, line, offset), line);
        }
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String requiredString(Map<String, Object> values, String key, String text)
            throws AgentFileException {
        Object v = values.get(key);
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new AgentFileException("missing required frontmatter key '" + key + "'",
                    values.containsKey(key) ? lineOf(text, key) : null);
        }
        if (!(v instanceof String) && !(v instanceof Number) && !(v instanceof Boolean)) {
            throw new AgentFileException("frontmatter key '" + key + "' must be text, found a "
                    + (v instanceof Collection ? "list" : v instanceof Map ? "mapping" : "value of another type"),
                    lineOf(text, key));
        }
        return String.valueOf(v).strip();
    }

    private static String optionalString(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }

    /** {@code tools} is either a comma-separated string or a YAML list. */
    private static List<String> tools(Object value) {
        List<String> tools = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(i -> addTool(tools, String.valueOf(i)));
        } else if (value != null) {
            for (String part : String.valueOf(value).split(",")) {
                addTool(tools, part);
            }
        }
        return tools;
    }

    private static void addTool(List<String> tools, String tool) {
        String t = tool.strip();
        if (!t.isEmpty()) {
            tools.add(t);
        }
    }

    /** An {@code examples:} list holds plain prompts or mappings with {@code user} (or {@code prompt}). */
    private static List<AgentExample> explicitExamples(Object value, String text) throws AgentFileException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> items)) {
            throw new AgentFileException("frontmatter key 'examples' must be a list", lineOf(text, "examples"));
        }
        List<AgentExample> examples = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                Object user = map.get("user") != null ? map.get("user") : map.get("prompt");
                if (user == null || String.valueOf(user).isBlank()) {
                    throw new AgentFileException("every mapping in 'examples' needs a 'user' (or 'prompt') entry",
                            lineOf(text, "examples"));
                }
                examples.add(new AgentExample(String.valueOf(user).strip(), textOrNull(map.get("context")),
                        textOrNull(map.get("assistant")), textOrNull(map.get("commentary"))));
            } else if (item != null && !String.valueOf(item).isBlank()) {
                examples.add(AgentExample.ofPrompt(String.valueOf(item).strip()));
            }
        }
        return examples;
    }

    private static String textOrNull(Object o) {
        return o == null ? null : String.valueOf(o).strip();
    }

    /** Frontmatter values in JSON-friendly types: strings, numbers, booleans, lists and maps of those. */
    private static Object plain(Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(AgentFileParser::plain).toList();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), val == null ? "" : plain(val)));
            return out;
        }
        return String.valueOf(v);
    }

    /** The 1-based line where {@code key:} is written in the frontmatter, or null. */
    private static Integer lineOf(String text, String key) {
        List<String> lines = text.lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                break;
            }
            if (line.startsWith(key + ":")) {
                return i + 1;
            }
        }
        return null;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
