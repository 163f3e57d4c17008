package dev.agentrouter.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextAnalyzerTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "optimizing, optim",
            "optimization, optim",
            "queries, queri",
            "query, queri",
            "running, run",
            "databases, databas",
            "caresses, caress",
            "ponies, poni",
            "relational, relat",
            "hopeful, hope",
            "generalization, gener",
            "k8s, k8s",
            "api, api"
    })
    void stemsWordFormsToOneTerm(String word, String term) {
        assertEquals(List.of(term), analyzer.terms(word));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Optimize the PostgreSQL queries!   | optim,postgresql,queri",
            "I need help with C++ and C# code    | c++,c#,code",
            "the and of to a                     | ''",
            "backend-developer                   | backend,develop",
            "Node.js v20                         | node,js,v20"
    })
    void splitsLowercasesAndDropsStopWords(String text, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertEquals(want, analyzer.terms(text));
    }

    @org.junit.jupiter.api.Test
    void keepsTheWrittenFormForExplanations() {
        assertEquals(new TextAnalyzer.Token("queries", "queri"), analyzer.tokens("Queries").get(0));
    }
}
