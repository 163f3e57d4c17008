package dev.agentrouter.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Separates frontmatter from body and reads the frontmatter: strict YAML first, then, when that fails, the lenient
 * {@code key: rest-of-line} reading that Claude Code itself applies (so an unquoted description with {@code ": "}
 * inside still loads). The lenient reading refuses anything it would have to guess at (an unterminated quote, a
 * line that is neither {@code key: value} nor a continuation), so really broken files are still rejected.
 */
final class FrontmatterReader {

    private static final Pattern LENIENT_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:(?:\\s+(.*))?$");
    /** {@code |} or {@code >} with optional chomping and indentation indicators, as YAML allows. */
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][+-]?[1-9]?|[|>][1-9][+-]");
    /** Keys whose values are text whatever YAML would make of them. */
    private static final Set<String> TEXT_KEYS = Set.of("name", "description", "model", "color");
    private static final Set<Tag> TYPED = Set.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP);
    /** Contexts naming a construct left open; its start line is where the fix goes. */
    private static final Pattern UNCLOSED = Pattern.compile("quoted scalar|flow (?:sequence|mapping)|block scalar");

    private FrontmatterReader() {}

    static Frontmatter read(String text) throws AgentFileException {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            throw new AgentFileException("file does not start with a '---' frontmatter line", 1);
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).stripTrailing();
            if (l.equals("---") || l.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new AgentFileException("frontmatter opened on line 1 is never closed with '---'", 1);
        }
        List<String> frontmatter = lines.subList(1, close);
        if (frontmatter.stream().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
            throw new AgentFileException("frontmatter is empty; it needs at least 'name' and 'description'", 2);
        }
        String body = String.join("\n", lines.subList(close + 1, lines.size())).strip();
        Node document;
        try {
            document = strict(String.join("\n", frontmatter));
        } catch (AgentFileException strictFailure) {
            // Only a syntax error falls back to the lenient reading; YAML that parses but means something else (a
            // list, a lone string, a repeated key) is rejected as it is.
            Lenient lenient = lenient(frontmatter, strictFailure);
            String why = strictFailure.getMessage().replaceFirst("^invalid YAML frontmatter: ", "");
            return new Frontmatter(lenient.values(), AgentDefinition.FrontmatterMode.LENIENT, body,
                    strictFailure.line() == null ? why : "line " + strictFailure.line() + ": " + why,
                    lenient.blockScalars());
        }
        if (!(document instanceof MappingNode mapping)) {
            throw new AgentFileException("frontmatter must be a mapping of keys to values, found a "
                    + (document instanceof SequenceNode ? "list" : "single value"), 2);
        }
        rejectDuplicateKeys(mapping);
        Set<String> blockScalars = new HashSet<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && entry.getValueNode() instanceof ScalarNode value
                    && (value.getScalarStyle() == ScalarStyle.LITERAL || value.getScalarStyle() == ScalarStyle.FOLDED)) {
                blockScalars.add(key.getValue());
            }
        }
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(String.join("\n", frontmatter));
        } catch (MarkedYAMLException e) {
            throw new AgentFileException("invalid YAML frontmatter: " + firstLine(e.getProblem()),
                    e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 2);
        } catch (YAMLException e) {
            throw new AgentFileException("invalid YAML frontmatter: " + firstLine(e.getMessage()), null);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        ((Map<?, ?>) loaded).forEach((k, v) -> values.put(String.valueOf(k), v));
        // YAML 1.1 reads "name: yes" as true and "model: 1.10" as 1.1; text keys keep the scalar as written.
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key && TEXT_KEYS.contains(key.getValue())
                    && entry.getValueNode() instanceof ScalarNode value && TYPED.contains(value.getTag())) {
                values.put(key.getValue(), value.getValue());
            }
        }
        return new Frontmatter(values, AgentDefinition.FrontmatterMode.YAML, body, null, blockScalars);
    }

    /** Composes the frontmatter as YAML; a syntax error becomes an {@link AgentFileException} with the file line. */
    private static Node strict(String yaml) throws AgentFileException {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            // +2: the frontmatter starts on line 2 of the file and marks are 0-based. When the parser names the
            // construct it was reading (an unclosed quote or bracket), its start is where the fix goes.
            Integer problemLine = e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 2;
            String message = "invalid YAML frontmatter: " + firstLine(e.getProblem());
            if (e.getContextMark() != null && e.getContext() != null && UNCLOSED.matcher(e.getContext()).find()) {
                int contextLine = e.getContextMark().getLine() + 2;
                throw new AgentFileException(message + " on line " + problemLine + ", " + e.getContext()
                        + " started on line " + contextLine, contextLine);
            }
            throw new AgentFileException(message, problemLine);
        } catch (YAMLException e) {
            throw new AgentFileException("invalid YAML frontmatter: " + firstLine(e.getMessage()), null);
        }
    }

    /** A repeated key is an error in both readings: which of the two values was meant cannot be known. */
    private static void rejectDuplicateKeys(MappingNode mapping) throws AgentFileException {
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key) {
                int line = key.getStartMark().getLine() + 2;
                Integer first = seen.putIfAbsent(key.getValue(), line);
                if (first != null) {
                    throw duplicateKey(key.getValue(), first, line);
                }
            }
        }
    }

    private static AgentFileException duplicateKey(String key, int first, int second) {
        return new AgentFileException("frontmatter key '" + key + "' appears twice, on lines " + first + " and "
                + second + "; keep one", second);
    }

    /** What the lenient reading found: the values and the keys written as {@code |} or {@code >} blocks. */
    private record Lenient(Map<String, Object> values, Set<String> blockScalars) {}

    /**
     * Reads {@code key: rest-of-line} pairs. Indented lines continue the previous value: a block ({@code |},
     * {@code >}) or a plain value wrapped over several lines, or, as {@code - item} lines, a list. Fails, with the
     * strict error as the reason, when a line fits none of these shapes or a quote is left open; a repeated key fails
     * with its own reason.
     */
    private static Lenient lenient(List<String> lines, AgentFileException strictFailure) throws AgentFileException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        Set<String> blockScalars = new HashSet<>();
        String key = null;
        StringBuilder scalar = null;
        List<Object> list = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int fileLine = i + 2;
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (indented && key != null) {
                String item = line.strip();
                if (item.startsWith("- ") && (scalar == null || scalar.length() == 0)) {
                    list = list == null ? new ArrayList<>() : list;
                    list.add(lenientScalar(item.substring(2).strip(), fileLine, strictFailure));
                } else if (scalar != null && list == null
                        && !(scalar.length() > 0 && LENIENT_KEY.matcher(item).matches())) {
                    // (An indented "key: value" after a one-line value is more likely a mis-indented key than
                    // a continuation: refused rather than guessed.)
                    scalar.append(scalar.length() == 0 ? "" : " ").append(item);
                } else {
                    throw lenientFailure(strictFailure, fileLine);
                }
                values.put(key, list != null ? list : scalar.toString());
                continue;
            }
            Matcher m = LENIENT_KEY.matcher(line.stripTrailing());
            if (!m.matches()) {
                throw lenientFailure(strictFailure, fileLine);
            }
            key = m.group(1);
            Integer first = keyLines.putIfAbsent(key, fileLine);
            if (first != null) {
                throw duplicateKey(key, first, fileLine);
            }
            String value = m.group(2) == null ? "" : m.group(2).strip();
            list = null;
            if (value.isEmpty() || BLOCK_INDICATOR.matcher(value).matches()) {
                scalar = new StringBuilder();
                values.put(key, "");
                if (!value.isEmpty()) {
                    blockScalars.add(key);
                }
            } else {
                Object parsed = lenientScalar(value, fileLine, strictFailure);
                // A plain value may wrap onto indented lines, which continue it after a space (as in YAML).
                boolean plain = value.charAt(0) != '"' && value.charAt(0) != '\'' && value.charAt(0) != '[';
                scalar = plain ? new StringBuilder(value) : null;
                values.put(key, parsed);
            }
        }
        return new Lenient(values, blockScalars);
    }

    private static Object lenientScalar(String value, int fileLine, AgentFileException strictFailure)
            throws AgentFileException {
        char first = value.charAt(0);
        if (first == '"' || first == '\'') {
            if (value.length() < 2 || value.charAt(value.length() - 1) != first) {
                throw lenientFailure(strictFailure, fileLine);
            }
            String inner = value.substring(1, value.length() - 1);
            return first == '"' ? inner.replace("\\\"", "\"").replace("\\\\", "\\") : inner.replace("''", "'");
        }
        if (first == '[') {
            if (!value.endsWith("]")) {
                throw lenientFailure(strictFailure, fileLine);
            }
            List<Object> items = new ArrayList<>();
            for (String part : value.substring(1, value.length() - 1).split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
            return items;
        }
        return value;
    }

    /**
     * Both readings failed. When they stumble on the same line, the YAML error says it best; otherwise the line the
     * lenient reading could not get past is the one to fix (the YAML error is usually the tolerated {@code ": "}).
     */
    private static AgentFileException lenientFailure(AgentFileException strictFailure, int fileLine) {
        if (strictFailure.line() == null || strictFailure.line() == fileLine) {
            return new AgentFileException(strictFailure.getMessage(), fileLine);
        }
        return new AgentFileException(strictFailure.getMessage() + " (line " + strictFailure.line()
                + "); read as 'key: value' lines instead, line " + fileLine
                + " is neither a 'key: value' line nor a continuation of one", fileLine);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
