package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(10));

    @ParameterizedTest(name = "attempt {0}: between {1} and {2} ms")
    @CsvSource({"0, 100, 200", "1, 200, 400", "2, 400, 800", "10, 10000, 10000"})
    void backoffDoublesWithJitterAndIsCapped(int attempt, long min, long max) {
        for (int i = 0; i < 200; i++) {
            long ms = policy.delay(attempt, null).toMillis();
            assertTrue(ms >= min && ms <= max, attempt + ": " + ms);
        }
    }

    @ParameterizedTest(name = "Retry-After {0} -> {1} s")
    @CsvSource({"1, 1", "' 3 ', 3", "0, 0", "3600, 10"})
    void retryAfterSecondsAreHonouredUpToTheCap(String header, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), policy.delay(0, header));
    }

    @Test
    void retryAfterAsAnHttpDate() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(5));
        long s = policy.delay(0, inFiveSeconds).toSeconds();
        assertTrue(s >= 3 && s <= 5, String.valueOf(s));
        long ms = policy.delay(0, "soon").toMillis();
        assertTrue(ms >= 100 && ms <= 200, "unreadable: backoff instead");
    }

    @Test
    void connectFailuresAreRecognisedThroughCauses() {
        assertTrue(RetryPolicy.isConnectFailure(new RuntimeException(new ConnectException("refused"))));
        assertFalse(RetryPolicy.isConnectFailure(new IllegalStateException("reset")));
    }
}
