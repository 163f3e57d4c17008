package dev.agentrouter.semantic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;

/**
 * The vectors of one agent: its name with its description, its whole system prompt, the prompt's sections one by one
 * (so a paragraph about performance can match a prompt about a slow page even when the rest of the body is about
 * something else), and its example prompts.
 */
public record AgentVectors(float[] description, float[] body, float[][] sections, float[][] examples) {

    /** Sections are paragraphs of the system prompt merged up to about this many characters. */
    static final int SECTION_CHARS = 600;

    /** What gets embedded for one agent, in a fixed order, and a hash of it for the cache. */
    public record Texts(String description, String body, List<String> sections, List<String> examples, String hash) {

        /**
         * With {@code promptPrefix} in front of each example: examples are prompts, so they are embedded as incoming
         * prompts are (e.g. with bge's query instruction), and compare with them like for like.
         */
        public static Texts of(AgentDefinition agent, String promptPrefix) {
            String description = agent.name().replace('-', ' ') + ": " + agent.description();
            String body = agent.systemPrompt() == null ? "" : agent.systemPrompt();
            List<String> examples = new ArrayList<>();
            for (AgentExample e : agent.examples()) {
                if (e.userPrompt() != null && !e.userPrompt().isBlank()) {
                    examples.add(promptPrefix + e.userPrompt());
                }
            }
            List<String> sections = AgentVectors.sections(body);
            return new Texts(description, body, sections, examples, AgentVectors.hash(description, body, examples));
        }

        /** Every text, description first, then body, sections and examples. */
        public List<String> all() {
            List<String> all = new ArrayList<>(2 + sections.size() + examples.size());
            all.add(description);
            all.add(body);
            all.addAll(sections);
            all.addAll(examples);
            return all;
        }

        /** Splits the embedded vectors of {@link #all()} back into their parts. */
        public AgentVectors vectors(float[][] embedded) {
            int s = sections.size();
            float[][] sectionVectors = new float[s][];
            System.arraycopy(embedded, 2, sectionVectors, 0, s);
            float[][] exampleVectors = new float[examples.size()][];
            System.arraycopy(embedded, 2 + s, exampleVectors, 0, exampleVectors.length);
            return new AgentVectors(embedded[0], embedded[1], sectionVectors, exampleVectors);
        }
    }

    /** Paragraphs (blank-line separated) merged in order while they fit in {@link #SECTION_CHARS}. */
    static List<String> sections(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (current.length() > 0 && current.length() + p.length() > SECTION_CHARS) {
                out.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(p);
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private static String hash(String description, String body, List<String> examples) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(description.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body.getBytes(StandardCharsets.UTF_8));
            for (String e : examples) {
                sha.update((byte) 0);
                sha.update(e.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
