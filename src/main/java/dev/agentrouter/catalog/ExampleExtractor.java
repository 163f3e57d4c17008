package dev.agentrouter.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Claude Code agent description into its prose and its {@code <example>} blocks.
 *
 * <p>Inside a block the {@code user:} prompt is the routing evidence; {@code Context:}, {@code assistant:} and
 * {@code <commentary>} are kept apart. Blocks come on one line (the seed agent) or spread over lines (VoltAgent).
 */
public final class ExampleExtractor {

    private static final Pattern EXAMPLE_BLOCK =
            Pattern.compile("<example>(.*?)</example>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTARY =
            Pattern.compile("<commentary>(.*?)</commentary>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** A speaker label at the start of the block or after whitespace: {@code Context:}, {@code user:}, ... */
    private static final Pattern LABEL =
            Pattern.compile("(?:^|(?<=\\s))(context|user|assistant)\\s*:", Pattern.CASE_INSENSITIVE);
    /** What may follow the quote that closes a quoted turn: the next label, or the end of the block. */
    private static final Pattern AFTER_QUOTE =
            Pattern.compile("\\s*(?:$|(?:context|user|assistant)\\s*:)", Pattern.CASE_INSENSITIVE);
    /** Lead-ins that only announce the examples and mean nothing once they are gone. */
    private static final Pattern DANGLING_LEAD_IN =
            Pattern.compile("(?i)\\s*(?:for )?(?:examples?|specifically|for instance)\\s*:?\\s*$");

    /** The description without example blocks, and the examples found in it. */
    public record Split(String prose, List<AgentExample> examples) {}

    private ExampleExtractor() {}

    public static Split split(String description) {
        List<AgentExample> examples = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        Matcher block = EXAMPLE_BLOCK.matcher(description);
        int last = 0;
        while (block.find()) {
            prose.append(description, last, block.start()).append(' ');
            AgentExample example = parseBlock(block.group(1));
            if (example != null) {
                examples.add(example);
            }
            last = block.end();
        }
        prose.append(description.substring(last));
        String cleaned = normaliseWhitespace(prose.toString());
        cleaned = DANGLING_LEAD_IN.matcher(cleaned).replaceFirst("");
        return new Split(cleaned.strip(), examples);
    }

    /** Parses the inside of one {@code <example>} block; null when it holds no user prompt. */
    static AgentExample parseBlock(String block) {
        StringBuilder commentary = new StringBuilder();
        Matcher c = COMMENTARY.matcher(block);
        while (c.find()) {
            commentary.append(c.group(1).strip()).append(' ');
        }
        String dialogue = COMMENTARY.matcher(block).replaceAll(" ");

        String context = null;
        String user = null;
        String assistant = null;
        Matcher label = LABEL.matcher(dialogue);
        String currentLabel = null;
        int currentStart = 0;
        int searchFrom = 0;
        while (true) {
            boolean found = label.find(searchFrom);
            int end = found ? label.start() : dialogue.length();
            if (currentLabel != null) {
                String text = unquote(dialogue.substring(currentStart, end));
                switch (currentLabel) {
                    case "context" -> context = context == null ? text : context;
                    // The first user turn is the request that should reach the agent.
                    case "user" -> user = user == null ? text : user;
                    default -> assistant = assistant == null ? text : assistant;
                }
            }
            if (!found) {
                break;
            }
            currentLabel = label.group(1).toLowerCase(java.util.Locale.ROOT);
            currentStart = label.end();
            // A quoted turn ends at its closing quote: "user:" or "context:" inside the quotes is text, not a label.
            int closed = quotedEnd(dialogue, currentStart);
            searchFrom = closed >= 0 ? closed : currentStart;
        }
        if (user == null || user.isBlank()) {
            return null;
        }
        String comment = commentary.toString().strip();
        return new AgentExample(user, blankToNull(context), blankToNull(assistant),
                comment.isEmpty() ? null : normaliseWhitespace(comment));
    }

    /**
     * When the turn starting at {@code from} opens with a quote, the index just past the quote that closes it: the
     * first matching quote followed only by whitespace before the next label or the end. Otherwise -1.
     */
    static int quotedEnd(String dialogue, int from) {
        int open = from;
        while (open < dialogue.length() && Character.isWhitespace(dialogue.charAt(open))) {
            open++;
        }
        if (open >= dialogue.length()) {
            return -1;
        }
        char quote = dialogue.charAt(open);
        char closing = quote == '\u201c' ? '\u201d' : quote;
        if (quote != '"' && quote != '\u201c') {
            return -1;
        }
        for (int i = dialogue.indexOf(closing, open + 1); i >= 0; i = dialogue.indexOf(closing, i + 1)) {
            if (AFTER_QUOTE.matcher(dialogue).region(i + 1, dialogue.length()).lookingAt()) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Trims and removes one pair of surrounding quotes (straight or curly). */
    static String unquote(String text) {
        String t = normaliseWhitespace(text).strip();
        if (t.length() >= 2) {
            char first = t.charAt(0);
            char last = t.charAt(t.length() - 1);
            if ((first == '"' && last == '"') || (first == '\u201c' && last == '\u201d')
                    || (first == '\'' && last == '\'')) {
                t = t.substring(1, t.length() - 1).strip();
            }
        }
        return t;
    }

    private static String normaliseWhitespace(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
