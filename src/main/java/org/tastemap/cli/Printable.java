package org.tastemap.cli;

/**
 * Text from data or from the command line made safe to print on a terminal. Names come from files
 * nobody checked and may hold escape sequences (a colour change {@code ESC[31m}, a window title
 * {@code ESC]0;...BEL}, a screen clear) that a terminal would obey. Every control character is
 * printed as an escape instead: {@code \e} for ESC, {@code \t}, {@code \n}, {@code \r}, and
 * {@code \}{@code uXXXX} for the rest of C0 and C1, DEL, and the bidirectional overrides and isolates
 * (which reorder what is shown). Everything else, accents and emoji included, is printed as it is.
 */
final class Printable {
    private Printable() {
    }

    /** A name or id on one line: every control character escaped, line ends too. */
    static String name(String s) {
        return escape(s, false);
    }

    /** A message or report of several lines: like {@link #name} but line ends are kept. */
    static String text(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s == null) {
            return "null";
        }
        int i = 0;
        while (i < s.length() && !needsEscape(s.charAt(i), keepNewlines)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!needsEscape(c, keepNewlines)) {
                b.append(c);
            } else if (c == 0x1b) {
                b.append("\\e");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean needsEscape(char c, boolean keepNewlines) {
        if (c == '\n') {
            return !keepNewlines;
        }
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
