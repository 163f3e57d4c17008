package dev.agentrouter.semantic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded, least-recently-used cache of query vectors, so a repeated prompt (retries, fan-out of one request to
 * several services) costs no second inference. Keyed by model and text; the text is kept only as the map key.
 */
public final class QueryVectorCache {

    private final int capacity;
    private final Map<Key, float[]> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public QueryVectorCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                return size() > QueryVectorCache.this.capacity;
            }
        };
    }

    /** The key: model and text, compared as they are (no concatenated copy of the text per look-up). */
    private record Key(String model, String text) {}

    /** The cached vector, or null. */
    public float[] get(String model, String text) {
        if (capacity == 0) {
            misses.incrementAndGet();
            return null;
        }
        float[] v;
        synchronized (entries) {
            v = entries.get(new Key(model, text));
        }
        (v == null ? misses : hits).incrementAndGet();
        return v;
    }

    /**
     * The cached vector, counted as a hit, or null, counted as nothing: for a caller that, on a miss, goes on to
     * {@link #get} (which counts the miss) before embedding, so each prompt is looked up once on the way to its
     * vector and counted once.
     */
    public float[] hit(String model, String text) {
        if (capacity == 0) {
            return null;
        }
        float[] v;
        synchronized (entries) {
            v = entries.get(new Key(model, text));
        }
        if (v != null) {
            hits.incrementAndGet();
        }
        return v;
    }

    public void put(String model, String text, float[] vector) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(new Key(model, text), vector);
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
