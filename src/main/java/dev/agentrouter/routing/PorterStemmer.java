package dev.agentrouter.routing;

/**
 * The Porter (1980) suffix-stripping stemmer, for lower-case ASCII words. Words with other characters, digits or
 * fewer than three letters are returned unchanged. Stateless and thread-safe.
 */
final class PorterStemmer {

    String stem(String word) {
        if (word.length() <= 2) {
            return word;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return word;
            }
        }
        Word w = new Word(word);
        w.step1ab();
        if (w.end > 0) {
            w.step1c();
            w.step2();
            w.step3();
            w.step4();
            w.step5();
        }
        return w.toString();
    }

    /** The word being stemmed: {@code b[0..end]} is the current stem, {@code j} a scratch index. */
    private static final class Word {
        private final char[] b;
        private int end;
        private int j;

        Word(String word) {
            b = word.toCharArray();
            end = b.length - 1;
        }

        @Override
        public String toString() {
            return new String(b, 0, end + 1);
        }

        private boolean cons(int i) {
            switch (b[i]) {
                case 'a', 'e', 'i', 'o', 'u':
                    return false;
                case 'y':
                    return i == 0 || !cons(i - 1);
                default:
                    return true;
            }
        }

        /** Number of vowel-consonant sequences in b[0..j]. */
        private int m() {
            int n = 0;
            int i = 0;
            while (true) {
                if (i > j) {
                    return n;
                }
                if (!cons(i)) {
                    break;
                }
                i++;
            }
            i++;
            while (true) {
                while (true) {
                    if (i > j) {
                        return n;
                    }
                    if (cons(i)) {
                        break;
                    }
                    i++;
                }
                i++;
                n++;
                while (true) {
                    if (i > j) {
                        return n;
                    }
                    if (!cons(i)) {
                        break;
                    }
                    i++;
                }
                i++;
            }
        }

        private boolean vowelInStem() {
            for (int i = 0; i <= j; i++) {
                if (!cons(i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean doubleC(int i) {
            return i >= 1 && b[i] == b[i - 1] && cons(i);
        }

        /** consonant-vowel-consonant ending at i, the last not w, x or y. */
        private boolean cvc(int i) {
            if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) {
                return false;
            }
            char ch = b[i];
            return ch != 'w' && ch != 'x' && ch != 'y';
        }

        private boolean ends(String s) {
            int l = s.length();
            int o = end - l + 1;
            if (o < 0) {
                return false;
            }
            for (int i = 0; i < l; i++) {
                if (b[o + i] != s.charAt(i)) {
                    return false;
                }
            }
            j = end - l;
            return true;
        }

        /** Replaces b[j+1..end] with s. b has room: every replacement is no longer than the suffix it replaces. */
        private void setTo(String s) {
            int l = s.length();
            int o = j + 1;
            for (int i = 0; i < l; i++) {
                b[o + i] = s.charAt(i);
            }
            end = j + l;
        }

        private void r(String s) {
            if (m() > 0) {
                setTo(s);
            }
        }

        void step1ab() {
            if (b[end] == 's') {
                if (ends("sses")) {
                    end -= 2;
                } else if (ends("ies")) {
                    setTo("i");
                } else if (b[end - 1] != 's') {
                    end--;
                }
            }
            if (ends("eed")) {
                if (m() > 0) {
                    end--;
                }
            } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
                end = j;
                if (ends("at")) {
                    setTo("ate");
                } else if (ends("bl")) {
                    setTo("ble");
                } else if (ends("iz")) {
                    setTo("ize");
                } else if (doubleC(end)) {
                    char ch = b[end];
                    if (ch != 'l' && ch != 's' && ch != 'z') {
                        end--;
                    }
                } else {
                    j = end;
                    if (m() == 1 && cvc(end)) {
                        j = end;
                        end++;
                        // "e" is appended; the original word was longer, so the array has room.
                        b[end] = 'e';
                    }
                }
            }
        }

        void step1c() {
            if (ends("y") && vowelInStem()) {
                b[end] = 'i';
            }
        }

        void step2() {
            if (end == 0) {
                return;
            }
            switch (b[end - 1]) {
                case 'a' -> {
                    if (ends("ational")) { r("ate"); } else if (ends("tional")) { r("tion"); }
                }
                case 'c' -> {
                    if (ends("enci")) { r("ence"); } else if (ends("anci")) { r("ance"); }
                }
                case 'e' -> {
                    if (ends("izer")) { r("ize"); }
                }
                case 'l' -> {
                    if (ends("bli")) { r("ble"); } else if (ends("alli")) { r("al"); }
                    else if (ends("entli")) { r("ent"); } else if (ends("eli")) { r("e"); }
                    else if (ends("ousli")) { r("ous"); }
                }
                case 'o' -> {
                    if (ends("ization")) { r("ize"); } else if (ends("ation")) { r("ate"); }
                    else if (ends("ator")) { r("ate"); }
                }
                case 's' -> {
                    if (ends("alism")) { r("al"); } else if (ends("iveness")) { r("ive"); }
                    else if (ends("fulness")) { r("ful"); } else if (ends("ousness")) { r("ous"); }
                }
                case 't' -> {
                    if (ends("aliti")) { r("al"); } else if (ends("iviti")) { r("ive"); }
                    else if (ends("biliti")) { r("ble"); }
                }
                case 'g' -> {
                    if (ends("logi")) { r("log"); }
                }
                default -> { }
            }
        }

        void step3() {
            switch (b[end]) {
                case 'e' -> {
                    if (ends("icate")) { r("ic"); } else if (ends("ative")) { r(""); }
                    else if (ends("alize")) { r("al"); }
                }
                case 'i' -> {
                    if (ends("iciti")) { r("ic"); }
                }
                case 'l' -> {
                    if (ends("ical")) { r("ic"); } else if (ends("ful")) { r(""); }
                }
                case 's' -> {
                    if (ends("ness")) { r(""); }
                }
                default -> { }
            }
        }

        void step4() {
            if (end == 0) {
                return;
            }
            boolean found = switch (b[end - 1]) {
                case 'a' -> ends("al");
                case 'c' -> ends("ance") || ends("ence");
                case 'e' -> ends("er");
                case 'i' -> ends("ic");
                case 'l' -> ends("able") || ends("ible");
                case 'n' -> ends("ant") || ends("ement") || ends("ment") || ends("ent");
                case 'o' -> (ends("ion") && j >= 0 && (b[j] == 's' || b[j] == 't')) || ends("ou");
                case 's' -> ends("ism");
                case 't' -> ends("ate") || ends("iti");
                case 'u' -> ends("ous");
                case 'v' -> ends("ive");
                case 'z' -> ends("ize");
                default -> false;
            };
            if (found && m() > 1) {
                end = j;
            }
        }

        void step5() {
            j = end;
            if (b[end] == 'e') {
                int a = m();
                if (a > 1 || (a == 1 && !cvc(end - 1))) {
                    end--;
                }
            }
            if (b[end] == 'l' && doubleC(end) && m() > 1) {
                end--;
            }
        }
    }
}
