package dev.agentrouter.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QueryVectorCacheTest {

    @Test
    void returnsWhatWasPutAndCountsHitsAndMisses() {
        QueryVectorCache cache = new QueryVectorCache(4);
        assertNull(cache.get("m", "slow page"));
        cache.put("m", "slow page", new float[] {1, 0});
        assertArrayEquals(new float[] {1, 0}, cache.get("m", "slow page"));
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
    }

    @Test
    void vectorsOfAnotherModelAreNotReturned() {
        QueryVectorCache cache = new QueryVectorCache(4);
        cache.put("model-a", "slow page", new float[] {1, 0});
        assertNull(cache.get("model-b", "slow page"));
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
        QueryVectorCache cache = new QueryVectorCache(2);
        cache.put("m", "a", new float[] {1});
        cache.put("m", "b", new float[] {2});
        cache.get("m", "a"); // a is now more recent than b
        cache.put("m", "c", new float[] {3});
        assertEquals(2, cache.size());
        assertNull(cache.get("m", "b"));
        assertArrayEquals(new float[] {1}, cache.get("m", "a"));
        assertArrayEquals(new float[] {3}, cache.get("m", "c"));
    }

    @Test
    void capacityZeroKeepsNothing() {
        QueryVectorCache cache = new QueryVectorCache(0);
        cache.put("m", "a", new float[] {1});
        assertNull(cache.get("m", "a"));
        assertEquals(0, cache.size());
    }

    @Test
    void hitCountsOnlyHits() {
        QueryVectorCache cache = new QueryVectorCache(4);
        cache.put("m", "a", new float[] {1});
        assertArrayEquals(new float[] {1}, cache.hit("m", "a"));
        assertNull(cache.hit("m", "b"));
        assertNull(cache.hit("other", "a"));
        assertEquals(1, cache.hits());
        assertEquals(0, cache.misses());
        cache.get("m", "b");
        assertEquals(1, cache.misses());
        assertNull(new QueryVectorCache(0).hit("m", "a"));
    }
}
