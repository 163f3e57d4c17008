package dev.agentrouter.catalog;

import java.util.List;
import java.util.Map;

/**
 * An agent as loaded from one Markdown file with YAML frontmatter (Claude Code subagent format).
 *
 * @param name          unique agent name ({@code name:})
 * @param description   the description with its {@code <example>} blocks removed
 * @param examples      examples from the description's {@code <example>} blocks and any {@code examples:} list
 * @param model         the {@code model:} value as written ({@code sonnet}, {@code inherit}, an explicit id), or null
 * @param tools         tools, whether written as a comma string or a YAML list
 * @param color         the {@code color:} value, or null
 * @param extra         frontmatter keys this service does not interpret, kept as read
 * @param systemPrompt  the Markdown body
 * @param source        where the file came from (path relative to the catalog root, or a classpath location)
 * @param frontmatter   how the frontmatter was read: strict YAML or the lenient line-by-line fallback
 * @param contentHash   SHA-256 of the file bytes, so callers can tell whether an agent changed between reloads
 */
public record AgentDefinition(
        String name,
        String description,
        List<AgentExample> examples,
        String model,
        List<String> tools,
        String color,
        Map<String, Object> extra,
        String systemPrompt,
        String source,
        FrontmatterMode frontmatter,
        String contentHash) {

    public AgentDefinition {
        examples = List.copyOf(examples);
        tools = List.copyOf(tools);
        extra = Map.copyOf(extra);
    }

    /** How the frontmatter was read. */
    public enum FrontmatterMode {
        /** Parsed as YAML. */
        YAML,
        /**
         * YAML parsing failed and the frontmatter was read as {@code key: rest-of-line} pairs, the way Claude Code
         * accepts it (an unquoted description containing {@code ": "} is the usual cause).
         */
        LENIENT
    }
}
