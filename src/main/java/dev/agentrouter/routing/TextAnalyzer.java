package dev.agentrouter.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text into index terms: lower-cased runs of letters and digits (keeping the {@code +}/{@code #} of
 * {@code c++}/{@code c#}), English stop words removed, each term stemmed so "optimizing" meets "optimization".
 * The same analyzer runs over agents and prompts, so both sides agree on what a term is.
 */
public final class TextAnalyzer {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
            "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
            "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
            "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not",
            "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
            "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
            "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
            "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
            "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "d", "ll", "m", "re", "ve",
            "don", "let", "us", "also", "get", "got", "need", "needs", "want", "wants", "please", "help", "use",
            "using", "used", "make", "like", "one", "e", "g", "etc", "may", "might", "must", "shall");

    private final PorterStemmer stemmer = new PorterStemmer();

    /** A word as written (lower-cased) and the index term it became. */
    public record Token(String surface, String term) {}

    /** Index terms of {@code text}, in order, with repeats. */
    public List<String> terms(String text) {
        List<Token> tokens = tokens(text);
        List<String> terms = new ArrayList<>(tokens.size());
        tokens.forEach(t -> terms.add(t.term()));
        return terms;
    }

    /** Tokens of {@code text}, in order, with repeats. */
    public List<Token> tokens(String text) {
        List<Token> terms = new ArrayList<>();
        if (text == null) {
            return terms;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int n = lower.length();
        int i = 0;
        while (i < n) {
            char c = lower.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
            }
            // Keep "c++", "c#", "f#": the symbol is the meaning.
            while (i < n && (lower.charAt(i) == '+' || lower.charAt(i) == '#') && i - start <= 2) {
                i++;
            }
            String token = lower.substring(start, i);
            if (token.length() > 64 || STOP_WORDS.contains(token)) {
                continue;
            }
            terms.add(new Token(token, stemmer.stem(token)));
        }
        return terms;
    }
}
