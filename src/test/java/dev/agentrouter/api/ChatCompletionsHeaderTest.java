package dev.agentrouter.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X-Agent-Router-Confidence is written without String.format; it must read the same. */
class ChatCompletionsHeaderTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 0.5, 0.71584, 0.00004, 0.00005, 0.99996, 0.123449, 0.0301})
    void confidenceHasFourDecimals(double c) {
        assertEquals(String.format(Locale.ROOT, "%.4f", c), ChatCompletionsResource.confidence(c));
    }
}
