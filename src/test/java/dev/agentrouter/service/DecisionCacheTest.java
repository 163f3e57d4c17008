package dev.agentrouter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.RouteDecision;
import dev.agentrouter.routing.RoutingTable;

class DecisionCacheTest {

    private final RoutingTable table = new RoutingTable(null, null, null);

    @Test
    void returnsTheDecisionForTheSameQueryAndTable() {
        DecisionCache cache = new DecisionCache(8, 100);
        RouteDecision decision = decision("backend-developer");
        assertNull(cache.find(table, Query.of("slow SQL queries")));
        cache.put(table, Query.of("slow SQL queries"), decision);
        assertSame(decision, cache.find(table, Query.of("slow SQL queries")));
        assertEquals(0, cache.hits(), "finding counts nothing: the caller counts once per request");
        cache.hit();
        cache.missed();
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void aQueryWithOtherWeightsOrOtherEarlierTurnsIsAnotherQuery() {
        DecisionCache cache = new DecisionCache(8, 100);
        Query conversation = new Query(List.of(new Query.Part("make it faster", 1), new Query.Part("React page", 0.3)));
        cache.put(table, conversation, decision("frontend-developer"));
        assertNull(cache.find(table, Query.of("make it faster")));
        assertNull(cache.find(table, new Query(List.of(new Query.Part("make it faster", 1),
                new Query.Part("React page", 0.5)))));
        assertNull(cache.find(table, new Query(List.of(new Query.Part("make it faster", 1),
                new Query.Part("SQL query", 0.3)))));
        assertEquals("frontend-developer", cache.find(table, new Query(List.of(new Query.Part("make it faster", 1),
                new Query.Part("React page", 0.3)))).agent());
    }

    @Test
    void anotherTableStartsAnEmptyCache() {
        DecisionCache cache = new DecisionCache(8, 100);
        Query query = Query.of("slow SQL queries");
        cache.put(table, query, decision("backend-developer"));
        // Equal components, but another snapshot (a reload, or the vectors arriving): nothing carries over.
        RoutingTable reloaded = new RoutingTable(null, null, null);
        assertNull(cache.find(reloaded, query));
        cache.put(reloaded, query, decision("data-engineer"));
        assertEquals("data-engineer", cache.find(reloaded, query).agent());
        assertNull(cache.find(table, query));
        assertEquals(1, cache.size());
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        DecisionCache cache = new DecisionCache(2, 100);
        cache.put(table, Query.of("a"), decision("x"));
        cache.put(table, Query.of("b"), decision("y"));
        cache.find(table, Query.of("a")); // a is now more recent than b
        cache.put(table, Query.of("c"), decision("z"));
        assertEquals(2, cache.size());
        assertNull(cache.find(table, Query.of("b")));
        assertEquals("x", cache.find(table, Query.of("a")).agent());
        assertEquals("z", cache.find(table, Query.of("c")).agent());
    }

    @Test
    void longQueriesAreNotKept() {
        DecisionCache cache = new DecisionCache(8, 10);
        Query query = new Query(List.of(new Query.Part("0123456", 1), new Query.Part("7890", 0.3)));
        cache.put(table, query, decision("x"));
        assertNull(cache.find(table, query), "11 characters over a limit of 10");
        cache.put(table, Query.of("0123456789"), decision("x"));
        assertEquals("x", cache.find(table, Query.of("0123456789")).agent());
    }

    @Test
    void capacityZeroTurnsTheCacheOff() {
        DecisionCache cache = new DecisionCache(0, 100);
        cache.put(table, Query.of("a"), decision("x"));
        cache.missed();
        assertNull(cache.find(table, Query.of("a")));
        assertEquals(0, cache.misses());
    }

    private static RouteDecision decision(String agent) {
        return new RouteDecision(agent, 0.9, RouteDecision.Outcome.ROUTED, List.of(), "routed to " + agent, null,
                RouteDecision.SemanticStatus.OFF);
    }
}
