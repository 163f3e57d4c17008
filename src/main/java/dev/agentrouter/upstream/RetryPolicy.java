package dev.agentrouter.upstream;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** When and how long to wait before retrying an upstream call. */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxDelay) {

    /**
     * The wait before retry number {@code attempt + 1}: the upstream's Retry-After (in seconds) when it gives one,
     * otherwise {@code backoff * 2^attempt} with full jitter; never more than {@code maxDelay}.
     */
    public Duration delay(int attempt, String retryAfter) {
        Duration wait;
        Long seconds = parseSeconds(retryAfter);
        if (seconds != null) {
            wait = Duration.ofSeconds(seconds);
        } else {
            long ceiling = backoff.toMillis() << Math.min(attempt, 20);
            wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        }
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }

    private static Long parseSeconds(String retryAfter) {
        if (retryAfter == null) {
            return null;
        }
        String value = retryAfter.strip();
        try {
            return Math.max(0, Long.parseLong(value));
        } catch (NumberFormatException e) {
            try { // An HTTP date.
                long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
                return Math.max(0, at - Instant.now().getEpochSecond());
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** A failure to connect, where the upstream cannot have started any work. */
    public static boolean isConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t.getClass().getName().contains("ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
