package dev.agentrouter.upstream;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A small circuit breaker for one upstream. {@code CLOSED}: calls pass, consecutive failures are counted; at the
 * threshold it turns {@code OPEN}: calls are refused for the open duration. After that one trial call is let through
 * ({@code HALF_OPEN}): its success closes the circuit, its failure opens it again. Thread-safe; the clock is a
 * parameter so tests need no sleeping.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED(0), HALF_OPEN(1), OPEN(2);

        /** The value the state gauge reports. */
        public final int gauge;

        State(int gauge) {
            this.gauge = gauge;
        }
    }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;

    private State state = State.CLOSED;
    private int failures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoClock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openDuration.toNanos();
        this.clock = nanoClock;
    }

    public CircuitBreaker(int failureThreshold, Duration openDuration) {
        this(failureThreshold, openDuration, System::nanoTime);
    }

    /** Whether a call may go to the upstream now; a {@code true} must be followed by a success or failure report. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (clock.getAsLong() - openedAt < openNanos) {
                    return false;
                }
                state = State.HALF_OPEN;
                trialInFlight = true;
                return true;
            default: // HALF_OPEN: one trial at a time
                if (trialInFlight) {
                    return false;
                }
                trialInFlight = true;
                return true;
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        if (state == State.HALF_OPEN || ++failures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.getAsLong();
            failures = 0;
        }
    }

    /** A call that was let through but ended without telling anything about the upstream's health (e.g. cancelled). */
    public synchronized void onNeutral() {
        trialInFlight = false;
    }

    /** The state as a caller would see it now ({@code OPEN} past its duration reads as {@code HALF_OPEN}). */
    public synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openedAt >= openNanos) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
