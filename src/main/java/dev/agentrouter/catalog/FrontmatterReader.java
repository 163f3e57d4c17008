package dev.agentrouter.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Separates frontmatter from body and reads the frontmatter: strict YAML first, then, when that fails, the lenient
 * {@code key: rest-of-line} reading that Claude Code itself applies (so an unquoted description with {@code ": "}
 * inside still loads). The lenient reading refuses anything it would have to guess at (an unterminated quote, a
 * line that is neither {@code key: value} nor a continuation), so really broken files are still rejected.
 */
final class FrontmatterReader {

    private static final Pattern LENIENT_KEY = Pattern.compile("^([A-Za-z_][A-Za-z0-9_-]*)\\s*:(?:\\s+(.*))?$");

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
        String yaml = String.join("\n", lines.subList(1, close));
        String body = String.join("\n", lines.subList(close + 1, lines.size())).strip();
        try {
            return new Frontmatter(strict(yaml), AgentDefinition.FrontmatterMode.YAML, body, null);
        } catch (AgentFileException strictFailure) {
            Map<String, Object> lenient = lenient(lines.subList(1, close), strictFailure);
            return new Frontmatter(lenient, AgentDefinition.FrontmatterMode.LENIENT, body, strictFailure.getMessage());
        }
    }

    private static Map<String, Object> strict(String yaml) throws AgentFileException {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (MarkedYAMLException e) {
            // +2: the frontmatter starts on line 2 of the file and marks are 0-based. When the parser names the
            // construct it was reading (an unclosed quote or bracket), its start is where the fix goes.
            Integer problemLine = e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 2;
            String message = "invalid YAML frontmatter: " + firstLine(e.getProblem());
            if (e.getContextMark() != null && e.getContext() != null) {
                int contextLine = e.getContextMark().getLine() + 2;
                throw new AgentFileException(message + " on line " + problemLine + ", " + e.getContext()
                        + " started on line " + contextLine, contextLine);
            }
            throw new AgentFileException(message, problemLine);
        } catch (YAMLException e) {
            throw new AgentFileException("invalid YAML frontmatter: " + firstLine(e.getMessage()), null);
        }
        if (loaded == null) {
            throw new AgentFileException("frontmatter is empty", 2);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new AgentFileException("frontmatter must be a mapping of keys to values, found a "
                    + loaded.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT), 2);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((k, v) -> values.put(String.valueOf(k), v));
        return values;
    }

    /**
     * Reads {@code key: rest-of-line} pairs. Indented lines continue the previous value ({@code - item} lines make
     * it a list). Fails, with the strict error as the reason, when a line fits neither shape or a quote is left open.
     */
    private static Map<String, Object> lenient(List<String> lines, AgentFileException strictFailure)
            throws AgentFileException {
        Map<String, Object> values = new LinkedHashMap<>();
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
                } else if (scalar != null) {
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
            String value = m.group(2) == null ? "" : m.group(2).strip();
            list = null;
            if (value.isEmpty() || value.equals("|") || value.equals(">") || value.equals("|-") || value.equals(">-")) {
                scalar = new StringBuilder();
                values.put(key, "");
            } else {
                scalar = null;
                values.put(key, lenientScalar(value, fileLine, strictFailure));
            }
        }
        return values;
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

    private static AgentFileException lenientFailure(AgentFileException strictFailure, int fileLine) {
        Integer line = strictFailure.line() != null ? strictFailure.line() : fileLine;
        return new AgentFileException(strictFailure.getMessage(), line);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
