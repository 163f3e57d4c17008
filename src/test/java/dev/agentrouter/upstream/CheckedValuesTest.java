package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CheckedValuesTest {

    /** A tools array of about 4 KB, well-formed. */
    private static String tools(String name) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            s.append(i == 0 ? "" : ",").append("{\"type\":\"function\",\"function\":{\"name\":\"").append(name)
                    .append(i).append("\",\"description\":\"Reads a file and reports what it found.\","
                            + "\"parameters\":{\"type\":\"object\",\"properties\":{}}}}");
        }
        return s.append("]").toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Notes the whole of {@code value} as accepted twice, from two arrays, so that it is known. */
    private static void acceptTwice(CheckedValues checked, byte[] value) {
        checked.remember(value, 0, value.length);
        byte[] again = value.clone();
        checked.remember(again, 0, again.length);
    }

    @Test
    void aValueIsKnownAfterItsSecondAcceptanceWithItsEndWhereverItStands() {
        CheckedValues checked = new CheckedValues();
        byte[] first = utf8("{\"tools\":" + tools("read_") + ",\"model\":\"auto\"}");
        int from = 9;
        int to = JsonSyntax.skipValue(first, from);
        checked.remember(first, from, to);
        assertEquals(-1, checked.endOfKnown(first, from), "accepted once: noted, not yet copied");
        byte[] second = utf8("{\"model\":\"gpt\",\"tools\":" + tools("read_") + "}");
        int secondFrom = second.length - 1 - (to - from);
        checked.remember(second, secondFrom, JsonSyntax.skipValue(second, secondFrom));
        byte[] later = utf8("{\"model\":\"auto\", \"tools\": " + tools("read_") + "}");
        int laterFrom = later.length - 1 - (to - from);
        assertEquals(JsonSyntax.skipValue(later, laterFrom), checked.endOfKnown(later, laterFrom));
    }

    @Test
    void aValueThatDiffersInOneByteIsNotKnown() {
        CheckedValues checked = new CheckedValues();
        byte[] body = utf8(tools("read_"));
        acceptTwice(checked, body);
        byte[] other = body.clone();
        other[other.length / 2] ^= 1;
        assertEquals(-1, checked.endOfKnown(other, 0));
        assertEquals(-1, checked.endOfKnown(java.util.Arrays.copyOf(body, body.length - 1), 0),
                "a body that ends before the value would is not read past its end");
    }

    @Test
    void smallValuesStringsAndNumbersAreNotRemembered() {
        CheckedValues checked = new CheckedValues();
        byte[] small = utf8("[1,2,3]");
        acceptTwice(checked, small);
        assertEquals(-1, checked.endOfKnown(small, 0));
        byte[] string = utf8("\"" + "x".repeat(5000) + "\"");
        acceptTwice(checked, string);
        assertEquals(-1, checked.endOfKnown(string, 0));
    }

    @Test
    void itKeepsTheLatestFewValues() {
        CheckedValues checked = new CheckedValues();
        byte[][] values = new byte[CheckedValues.SLOTS + 1][];
        for (int i = 0; i < values.length; i++) {
            values[i] = utf8(tools("tool" + i + "_"));
            acceptTwice(checked, values[i]);
        }
        assertEquals(-1, checked.endOfKnown(values[0], 0), "the oldest was replaced");
        for (int i = 1; i < values.length; i++) {
            assertEquals(values[i].length, checked.endOfKnown(values[i], 0));
        }
    }

    @Test
    void valuesAcceptedOnceDoNotDisplaceKnownOnes() {
        CheckedValues checked = new CheckedValues();
        byte[] known = utf8(tools("known_"));
        acceptTwice(checked, known);
        for (int i = 0; i < 3 * CheckedValues.SLOTS; i++) {
            byte[] once = utf8(tools("once" + i + "_"));
            checked.remember(once, 0, once.length);
        }
        assertEquals(known.length, checked.endOfKnown(known, 0));
    }

    @Test
    void aNotedBodyChangedLaterNeverMakesUncheckedBytesKnown() {
        CheckedValues checked = new CheckedValues();
        byte[] value = utf8(tools("read_"));
        byte[] held = value.clone();
        checked.remember(held, 0, held.length);
        held[held.length / 2] = '}'; // the caller reuses its array: the noted bytes are no longer what was checked
        checked.remember(value.clone(), 0, value.length);
        assertEquals(-1, checked.endOfKnown(value, 0), "compared with the changed array: not a second sighting");
        assertEquals(-1, checked.endOfKnown(held, 0));
        checked.remember(value.clone(), 0, value.length);
        assertEquals(value.length, checked.endOfKnown(value, 0), "the third, a second sighting of checked bytes");
        assertEquals(-1, checked.endOfKnown(held, 0), "the changed bytes stay unknown");
    }

    @Test
    void aValueInABodyTooLargeToHoldIsKnownAfterItsSecondAcceptanceToo() {
        CheckedValues checked = new CheckedValues();
        byte[] value = utf8(tools("read_"));
        for (int sighting = 0; sighting < 2; sighting++) {
            byte[] body = new byte[CheckedValues.MAX_HELD_BODY + value.length + 100];
            java.util.Arrays.fill(body, (byte) ' ');
            System.arraycopy(value, 0, body, 100, value.length);
            checked.remember(body, 100, 100 + value.length);
            java.util.Arrays.fill(body, (byte) 'x'); // not held: only its value's copy is
        }
        assertEquals(value.length, checked.endOfKnown(value, 0));
    }
}
