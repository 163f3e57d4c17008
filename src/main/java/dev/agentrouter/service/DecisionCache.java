package dev.agentrouter.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.routing.RoutingTable;

/**
 * Recent routing decisions of one routing table, by query. A decision depends only on the query and the table (the
 * catalog, its vectors, and the fixed configuration), and the query only on the user turns; so the follow-up requests
 * of a tool-calling loop, which add assistant and tool messages but no user turn, and retries route once per user turn
 * instead of once per request. Bound to one table: a reload, or the catalog's vectors arriving, makes a new table and
 * so starts an empty cache. Least recently used entries go first; queries longer than {@code maxChars} are not kept, so
 * the prompt text held is bounded by capacity × maxChars.
 */
final class DecisionCache {

    private final int capacity;
    private final int maxChars;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    /** The table the entries were decided against, and the entries; replaced together. */
    private volatile Generation generation = new Generation(null, 0);

    DecisionCache(int capacity, int maxChars) {
        this.capacity = Math.max(0, capacity);
        this.maxChars = maxChars;
    }

    private static final class Generation {
        final RoutingTable table;
        final Map<Query, RouteDecision> entries;

        Generation(RoutingTable table, int capacity) {
            this.table = table;
            this.entries = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Query, RouteDecision> eldest) {
                    return size() > capacity;
                }
            };
        }
    }

    /** The decision made for this query against this table, or null; counts nothing (see {@link #hit}). */
    RouteDecision find(RoutingTable table, Query query) {
        if (capacity == 0) {
            return null;
        }
        Generation g = generation;
        if (g.table != table) {
            return null;
        }
        synchronized (g) {
            return g.entries.get(query);
        }
    }

    /**
     * A request was answered from the cache. Counting is the caller's, once per request: a request may be looked up
     * twice on its way (event loop, then worker thread), and a found decision may no longer be valid.
     */
    void hit() {
        hits.incrementAndGet();
    }

    /** A request was routed, not answered from the cache. */
    void missed() {
        if (capacity > 0) {
            misses.incrementAndGet();
        }
    }

    /**
     * Keeps a decision made against {@code table}, which the caller knows to be the current one (an older table's
     * decision arriving late must not replace the newer table's entries).
     */
    void put(RoutingTable table, Query query, RouteDecision decision) {
        if (capacity == 0 || chars(query) > maxChars) {
            return;
        }
        Generation g = generation;
        if (g.table != table) {
            g = new Generation(table, capacity);
            generation = g;
        }
        synchronized (g) {
            g.entries.put(query, decision);
        }
    }

    private static long chars(Query query) {
        long n = 0;
        for (Query.Part p : query.parts()) {
            n += p.text().length();
        }
        return n;
    }

    long hits() {
        return hits.get();
    }

    long misses() {
        return misses.get();
    }

    int size() {
        Generation g = generation;
        synchronized (g) {
            return g.entries.size();
        }
    }
}
