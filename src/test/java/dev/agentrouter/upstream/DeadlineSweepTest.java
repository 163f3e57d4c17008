package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

class DeadlineSweepTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** An entry that notes when its deadline was seen to pass, on which thread, and optionally watches again. */
    private final class Noted extends DeadlineSweep.Entry {
        final String name;
        final long watchedAt = System.nanoTime();
        final int rewatches;
        int passed;

        Noted(String name, int rewatches) {
            this.name = name;
            this.rewatches = rewatches;
        }

        @Override
        protected void deadlinePassed(long now) {
            passed++;
            seen.put(name, now - watchedAt);
            threads.add(Thread.currentThread().getName());
            if (passed <= rewatches) {
                sweep.watch(this, 100);
            } else {
                done.countDown();
            }
        }
    }

    private final Map<String, Long> seen = new ConcurrentHashMap<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(2);
    private DeadlineSweep sweep;

    @Test
    void eachDeadlineIsNoticedOnceItPassesAndNotBefore() throws Exception {
        Context loop = vertx.getOrCreateContext();
        Noted soon = new Noted("soon", 0);
        Noted renewed = new Noted("renewed", 2);
        Noted cancelled = new Noted("cancelled", 0);
        Noted moved = new Noted("moved", 0);
        loop.runOnContext(v -> {
            sweep = new DeadlineSweep(vertx);
            sweep.watch(soon, 120);
            sweep.watch(renewed, 100);
            sweep.watch(cancelled, 100);
            sweep.watch(moved, 100);
            sweep.watch(moved, 60_000); // moves its deadline, stays linked once
            DeadlineSweep.unwatch(cancelled);
        });
        assertTrue(done.await(5, TimeUnit.SECONDS), "passed: " + seen);
        Thread.sleep(3 * DeadlineSweep.TICK_MS);
        assertEquals(1, soon.passed);
        assertEquals(3, renewed.passed, "watched again twice after its first deadline");
        assertEquals(0, cancelled.passed);
        assertEquals(0, moved.passed);
        long soonMs = TimeUnit.NANOSECONDS.toMillis(seen.get("soon"));
        assertTrue(soonMs >= 120 && soonMs < 120 + 10 * DeadlineSweep.TICK_MS, "noticed after " + soonMs + " ms");
        assertTrue(TimeUnit.NANOSECONDS.toMillis(seen.get("renewed")) >= 300, "three deadlines of 100 ms, in turn");
        assertEquals(1, threads.stream().distinct().count(), "all on the one event loop: " + threads);
        assertTrue(threads.get(0).startsWith("vert.x-eventloop-thread"), threads.get(0));
    }
}
