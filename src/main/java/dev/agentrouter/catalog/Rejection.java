package dev.agentrouter.catalog;

/**
 * A file that could not become an agent, with a reason precise enough to fix it.
 *
 * @param source where the file is (relative to the catalog root)
 * @param line   1-based line of the problem in the file, or null when the problem has no single line
 * @param reason what is wrong and, where possible, what to do about it
 */
public record Rejection(String source, Integer line, String reason) {

    @Override
    public String toString() {
        return line == null ? source + ": " + reason : source + ":" + line + ": " + reason;
    }
}
