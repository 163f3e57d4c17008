package dev.agentrouter.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Vertx;

/**
 * The deadlines of one event loop (upstream calls, request bodies being received), checked together every
 * {@value #TICK_MS} ms while any is pending: one timer per event loop instead of one per request. A timer per request
 * cost a map entry and a task-queue insert and removal on every request, for deadlines that almost never pass. A
 * deadline is noticed up to a tick late.
 * <p>
 * Used only from its event loop's thread ({@link #ofThisThread}; the callbacks that watch and unwatch all run there),
 * so it needs no locking.
 */
public final class DeadlineSweep {

    static final long TICK_MS = 50;

    private static final FastThreadLocal<DeadlineSweep> SWEEPS = new FastThreadLocal<>();

    /** Something with a deadline; linked into the sweep of the thread that watches it. */
    public abstract static class Entry {
        private long deadline;
        private Entry previous;
        private Entry next;
        private DeadlineSweep sweep;

        /**
         * The deadline passed: the entry is no longer watched; {@link DeadlineSweep#watch} it again to set another.
         *
         * @param now System.nanoTime when the sweep noticed it
         */
        protected abstract void deadlinePassed(long now);
    }

    private final Vertx vertx;
    private Entry head;
    private Entry tail;
    private boolean ticking;

    DeadlineSweep(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The sweep of the calling event loop thread, created on first use. */
    public static DeadlineSweep ofThisThread(Vertx vertx) {
        DeadlineSweep sweep = SWEEPS.get();
        if (sweep == null) {
            sweep = new DeadlineSweep(vertx);
            SWEEPS.set(sweep);
        }
        return sweep;
    }

    /** Watches {@code entry} until {@code millis} from now (replacing any deadline it had). */
    public void watch(Entry entry, long millis) {
        entry.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        if (entry.sweep != null) {
            return; // already linked here: only the deadline moves
        }
        entry.sweep = this;
        entry.previous = tail;
        if (tail == null) {
            head = entry;
        } else {
            tail.next = entry;
        }
        tail = entry;
        if (!ticking) {
            ticking = true;
            vertx.setTimer(TICK_MS, id -> tick());
        }
    }

    /** Stops watching {@code entry}; nothing if it is not watched. */
    public static void unwatch(Entry entry) {
        DeadlineSweep sweep = entry.sweep;
        if (sweep == null) {
            return;
        }
        if (entry.previous == null) {
            sweep.head = entry.next;
        } else {
            entry.previous.next = entry.next;
        }
        if (entry.next == null) {
            sweep.tail = entry.previous;
        } else {
            entry.next.previous = entry.previous;
        }
        entry.previous = null;
        entry.next = null;
        entry.sweep = null;
    }

    private void tick() {
        long now = System.nanoTime();
        List<Entry> due = null;
        for (Entry e = head; e != null; e = e.next) {
            if (now - e.deadline >= 0) {
                if (due == null) {
                    due = new ArrayList<>();
                }
                due.add(e);
            }
        }
        if (due != null) {
            // Collected first: handling one may watch or unwatch others (a failover starts the next call).
            for (Entry e : due) {
                if (e.sweep == this && now - e.deadline >= 0) {
                    unwatch(e);
                    e.deadlinePassed(now);
                }
            }
        }
        if (head == null) {
            ticking = false;
        } else {
            vertx.setTimer(TICK_MS, id -> tick());
        }
    }
}
