package dev.agentrouter.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

class BodyBytesTest {

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void aDeclaredLengthDoesNotAllocateAheadOfTheBytes() {
        BodyBytes body = new BodyBytes(16_000_000); // announced, then one byte sent
        body.append(Buffer.buffer(new byte[] {'{'}));
        assertEquals(BodyBytes.FIRST_CAPACITY, body.capacity());
    }

    @Test
    void aBodyOfItsDeclaredLengthIsCollectedWithoutAFinalCopy() {
        byte[] sent = bytes(300_000, 1);
        BodyBytes body = new BodyBytes(sent.length);
        for (int at = 0; at < sent.length; at += 8192) {
            body.append(Buffer.buffer(Arrays.copyOfRange(sent, at, Math.min(sent.length, at + 8192))));
            assertTrue(body.capacity() <= Math.max(BodyBytes.FIRST_CAPACITY, 2 * body.length()),
                    "capacity " + body.capacity() + " for " + body.length() + " bytes");
        }
        assertEquals(sent.length, body.capacity(), "growth stops at the declared length");
        byte[] collected = body.toArray();
        assertSame(collected, body.toArray(), "the array itself, not a copy");
        assertArrayEquals(sent, collected);
    }

    @Test
    void aSmallDeclaredBodyGetsAnArrayOfItsSize() {
        byte[] sent = bytes(147, 2);
        BodyBytes body = new BodyBytes(sent.length);
        body.append(Buffer.buffer(sent));
        assertEquals(147, body.capacity());
        assertArrayEquals(sent, body.toArray());
    }

    @Test
    void aChunkedBodyGrowsByDoublingAndIsTrimmed() {
        byte[] sent = bytes(200_001, 3);
        BodyBytes body = new BodyBytes(-1);
        for (int at = 0; at < sent.length; at += 1000) {
            body.append(Buffer.buffer(Arrays.copyOfRange(sent, at, Math.min(sent.length, at + 1000))));
            assertTrue(body.capacity() <= Math.max(BodyBytes.FIRST_CAPACITY, 2 * body.length()));
        }
        assertArrayEquals(sent, body.toArray());
    }

    @Test
    void aBodyLongerThanDeclaredIsStillKeptWhole() {
        byte[] sent = bytes(5000, 4);
        BodyBytes body = new BodyBytes(100);
        body.append(Buffer.buffer(Arrays.copyOfRange(sent, 0, 100)));
        body.append(Buffer.buffer(Arrays.copyOfRange(sent, 100, 5000)));
        assertArrayEquals(sent, body.toArray());
    }

    @Test
    void nothingArrivedIsNull() {
        assertNull(new BodyBytes(-1).toArray());
    }
}
