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

    @Test
    void aValueCheckedBeforeIsKnownWithItsEndWhereverItStands() {
        CheckedValues checked = new CheckedValues();
        byte[] first = utf8("{\"tools\":" + tools("read_") + ",\"model\":\"auto\"}");
        int from = 9;
        int to = JsonSyntax.skipValue(first, from);
        checked.remember(first, from, to);
        byte[] later = utf8("{\"model\":\"auto\", \"tools\": " + tools("read_") + "}");
        int laterFrom = later.length - 1 - (to - from);
        assertEquals(JsonSyntax.skipValue(later, laterFrom), checked.endOfKnown(later, laterFrom));
    }

    @Test
    void aValueThatDiffersInOneByteIsNotKnown() {
        CheckedValues checked = new CheckedValues();
        byte[] body = utf8(tools("read_"));
        checked.remember(body, 0, body.length);
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
        checked.remember(small, 0, small.length);
        assertEquals(-1, checked.endOfKnown(small, 0));
        byte[] string = utf8("\"" + "x".repeat(5000) + "\"");
        checked.remember(string, 0, string.length);
        assertEquals(-1, checked.endOfKnown(string, 0));
    }

    @Test
    void itKeepsTheLatestFewValues() {
        CheckedValues checked = new CheckedValues();
        byte[][] values = new byte[CheckedValues.SLOTS + 1][];
        for (int i = 0; i < values.length; i++) {
            values[i] = utf8(tools("tool" + i + "_"));
            checked.remember(values[i], 0, values[i].length);
        }
        assertEquals(-1, checked.endOfKnown(values[0], 0), "the oldest was replaced");
        for (int i = 1; i < values.length; i++) {
            assertEquals(values[i].length, checked.endOfKnown(values[i], 0));
        }
    }
}
