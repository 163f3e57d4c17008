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
    private final Map<String, float[]> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public QueryVectorCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > QueryVectorCache.this.capacity;
            }
        };
    }

    /** The cached vector, or null. */
    public float[] get(String model, String text) {
        if (capacity == 0) {
            misses.incrementAndGet();
            return null;
        }
        float[] v;
        synchronized (entries) {
            v = entries.get(model + '\0' + text);
        }
        (v == null ? misses : hits).incrementAndGet();
        return v;
    }

    /** Whether a vector is cached, without counting a lookup (the hit/miss counters are for real lookups). */
    public boolean contains(String model, String text) {
        if (capacity == 0) {
            return false;
        }
        synchronized (entries) {
            return entries.containsKey(model + '\0' + text);
        }
    }

    public void put(String model, String text, float[] vector) {
        if (capacity == 0) {
            return;
        }
        synchronized (entries) {
            entries.put(model + '\0' + text, vector);
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
