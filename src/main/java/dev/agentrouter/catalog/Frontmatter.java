package dev.agentrouter.catalog;

import java.util.Map;
import java.util.Set;

/**
 * The frontmatter of an agent file as key/value pairs, how it was read, and where the body starts.
 *
 * @param values        frontmatter keys in file order
 * @param mode          strict YAML or the lenient fallback
 * @param body          the Markdown after the closing {@code ---}
 * @param yamlError     when {@code mode} is lenient: why strict YAML failed (kept for the agent's metadata)
 * @param blockScalars  keys whose value was written as a {@code |} or {@code >} block, where a backslash is just a
 *                      backslash
 */
record Frontmatter(Map<String, Object> values, AgentDefinition.FrontmatterMode mode, String body, String yamlError,
                   Set<String> blockScalars) {}
