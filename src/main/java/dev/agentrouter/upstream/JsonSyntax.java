package dev.agentrouter.upstream;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON syntax check over UTF-8 bytes, for values the router forwards without reading: a request's tools and
 * their schemas are most of its bytes, and Jackson's tokenizer, even when skipping, costs nearly a microsecond per
 * kilobyte. Plain string content is checked eight bytes at a time.
 * <p>
 * It is stricter than Jackson, never laxer: besides RFC 8259 it refuses what a Jackson default might refuse (deep
 * nesting, long numbers, long keys) and what it might accept (overlong UTF-8, encoded surrogates). A caller that gets
 * {@link #FAILED} hands the body to Jackson, which then accepts it or says precisely what is wrong.
 */
final class JsonSyntax {

    static final int FAILED = -1;
    /** Far below Jackson's nesting limit (1000), and the bits of a long: requests nest a dozen or two levels. */
    static final int MAX_DEPTH = 63;
    /** Far below Jackson's number length limit (1000 digits). */
    static final int MAX_NUMBER_LENGTH = 100;
    /** Far below Jackson's key length limit (50,000). */
    static final int MAX_KEY_LENGTH = 1024;

    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private JsonSyntax() {}

    /** The index after the whitespace at {@code at}. */
    static int skipWhitespace(byte[] b, int at) {
        // one comparison for the usual byte, which is no whitespace (non-ASCII bytes are negative: they go on to fail)
        while (at < b.length && b[at] <= ' ' && (b[at] == ' ' || b[at] == '\n' || b[at] == '\r' || b[at] == '\t')) {
            at++;
        }
        return at;
    }

    /**
     * The index just after the value that starts at {@code at}, or {@link #FAILED}. A loop with the open containers
     * in a bit mask (1: object), not recursion: most of a request is small objects and short strings.
     */
    static int skipValue(byte[] b, int at) {
        int n = b.length;
        int i = at;
        int depth = 0;
        long objects = 0;
        while (true) {
            // i is where a value must start
            if (i >= n) {
                return FAILED;
            }
            byte c = b[i];
            boolean opened = c == '{' || c == '[';
            if (opened) {
                if (++depth > MAX_DEPTH) {
                    return FAILED;
                }
                i = skipWhitespace(b, i + 1);
                if (c == '{') {
                    objects |= 1L << depth;
                    if (i < n && b[i] == '}') {
                        i++;
                        opened = false;
                    } else {
                        i = key(b, i);
                    }
                } else {
                    objects &= ~(1L << depth);
                    if (i < n && b[i] == ']') {
                        i++;
                        opened = false;
                    }
                }
                if (opened) {
                    if (i == FAILED) {
                        return FAILED;
                    }
                    continue;
                }
                depth--; // an empty container: a complete value
            } else {
                i = scalar(b, i, c);
            }
            // i is just after a complete value: close what it completes, until a ',' asks for the next one
            while (true) {
                if (i == FAILED || depth == 0) {
                    return i;
                }
                i = skipWhitespace(b, i);
                if (i >= n) {
                    return FAILED;
                }
                boolean inObject = (objects & (1L << depth)) != 0;
                if (b[i] == ',') {
                    i = skipWhitespace(b, i + 1);
                    if (inObject) {
                        i = key(b, i);
                        if (i == FAILED) {
                            return FAILED;
                        }
                    }
                    break;
                }
                if (b[i] != (inObject ? '}' : ']')) {
                    return FAILED;
                }
                i++;
                depth--;
            }
        }
    }

    /** After an object's '{' or ',': a key and its ':', returning where the value must start; or {@link #FAILED}. */
    private static int key(byte[] b, int at) {
        if (at >= b.length || b[at] != '"') {
            return FAILED;
        }
        int end = skipString(b, at);
        if (end == FAILED || end - at > MAX_KEY_LENGTH) {
            return FAILED;
        }
        int i = skipWhitespace(b, end);
        if (i >= b.length || b[i] != ':') {
            return FAILED;
        }
        return skipWhitespace(b, i + 1);
    }

    /** The index after the string, number or literal starting with {@code c} at {@code at}, or {@link #FAILED}. */
    private static int scalar(byte[] b, int at, byte c) {
        return switch (c) {
            case '"' -> skipString(b, at);
            case 't' -> literal(b, at, TRUE);
            case 'f' -> literal(b, at, FALSE);
            case 'n' -> literal(b, at, NULL);
            default -> number(b, at);
        };
    }

    /** The index just after the string whose opening quote is at {@code at}, or {@link #FAILED}. */
    static int skipString(byte[] b, int at) {
        int n = b.length;
        int i = at + 1;
        while (true) {
            if (i + Long.BYTES <= n) {
                long special = special((long) WORD.get(b, i));
                if (special == 0) {
                    i += Long.BYTES;
                    continue;
                }
                i += Long.numberOfTrailingZeros(special) >>> 3; // the first flagged byte is always a real one
            } else if (i >= n) {
                return FAILED;
            }
            int c = b[i];
            if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                i = escape(b, i);
            } else if (c < 0) {
                i = utf8(b, i);
            } else if (c < 0x20) {
                return FAILED;
            } else {
                i++; // only in the last few bytes, checked one at a time
            }
            if (i == FAILED) {
                return FAILED;
            }
        }
    }

    /**
     * The high bit of each of the eight bytes (little-endian) that ends a string or needs a closer look: a quote, a
     * backslash, a control character or a non-ASCII byte. Borrows can flag bytes above a flagged one, never below:
     * the lowest flag is exact.
     */
    private static long special(long w) {
        long quote = w ^ QUOTES;
        long backslash = w ^ BACKSLASHES;
        return (((w - SPACES) & ~w) | ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) | w) & HIGH_BITS;
    }

    private static int literal(byte[] b, int at, byte[] word) {
        return Arrays.equals(b, at, Math.min(b.length, at + word.length), word, 0, word.length)
                ? at + word.length : FAILED;
    }

    /** RFC 8259 numbers only: no leading zeros, '+', bare '.', NaN or Infinity. */
    private static int number(byte[] b, int at) {
        int i = at;
        if (i < b.length && b[i] == '-') {
            i++;
        }
        if (i < b.length && b[i] == '0') {
            i++;
        } else {
            int digits = digits(b, i);
            if (digits == i) {
                return FAILED;
            }
            i = digits;
        }
        if (i < b.length && b[i] == '.') {
            int digits = digits(b, i + 1);
            if (digits == i + 1) {
                return FAILED;
            }
            i = digits;
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int digits = digits(b, i);
            if (digits == i) {
                return FAILED;
            }
            i = digits;
        }
        return i - at > MAX_NUMBER_LENGTH ? FAILED : i;
    }

    private static int digits(byte[] b, int at) {
        while (at < b.length && b[at] >= '0' && b[at] <= '9') {
            at++;
        }
        return at;
    }

    /** After the backslash at {@code at}: one of {@code "\/bfnrt}, or {@code u} and four hex digits. */
    private static int escape(byte[] b, int at) {
        if (at + 1 >= b.length) {
            return FAILED;
        }
        switch (b[at + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 2;
            }
            case 'u' -> {
                if (at + 6 > b.length) {
                    return FAILED;
                }
                for (int k = at + 2; k < at + 6; k++) {
                    byte h = b[k];
                    if (!(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F')) {
                        return FAILED;
                    }
                }
                return at + 6;
            }
            default -> {
                return FAILED;
            }
        }
    }

    /** One well-formed UTF-8 sequence of two to four bytes: no overlong form, surrogate or code point past U+10FFFF. */
    private static int utf8(byte[] b, int at) {
        int lead = b[at] & 0xFF;
        int length;
        int min = 0x80;
        int max = 0xBF; // the range of the second byte; the others are plain continuation bytes
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                min = 0xA0;
            } else if (lead == 0xED) {
                max = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                min = 0x90;
            } else if (lead == 0xF4) {
                max = 0x8F;
            }
        } else {
            return FAILED;
        }
        if (at + length > b.length) {
            return FAILED;
        }
        int second = b[at + 1] & 0xFF;
        if (second < min || second > max) {
            return FAILED;
        }
        for (int k = at + 2; k < at + length; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return FAILED;
            }
        }
        return at + length;
    }
}
