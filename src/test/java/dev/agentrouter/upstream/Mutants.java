package dev.agentrouter.upstream;

import java.util.Random;

/** Random small edits of JSON bytes, for checks that must hold of malformed input too. */
final class Mutants {

    /** The bytes JSON's grammar turns on, and some it never allows. */
    private static final byte[] ALPHABET = {'{', '}', '[', ']', '"', '\\', ':', ',', ' ', '\n', '0', '1', '9', '-',
        '+', '.', 'e', 'E', 't', 'f', 'n', 'u', 'a', 'x', '/', 0x00, 0x09, 0x1F, 0x7F, (byte) 0xC3, (byte) 0xA9,
        (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xED, (byte) 0xF0, (byte) 0xFF};

    private Mutants() {}

    /** {@code seed} with one to three bytes replaced, inserted or deleted. */
    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(b.length);
            byte with = ALPHABET[random.nextInt(ALPHABET.length)];
            switch (random.nextInt(3)) {
                case 0 -> {
                    b = b.clone();
                    b[at] = with;
                }
                case 1 -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = with;
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
                default -> {
                    if (b.length > 1) {
                        byte[] shorter = new byte[b.length - 1];
                        System.arraycopy(b, 0, shorter, 0, at);
                        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                        b = shorter;
                    }
                }
            }
        }
        return b;
    }
}
