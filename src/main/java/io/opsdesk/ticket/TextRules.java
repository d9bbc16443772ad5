package io.opsdesk.ticket;

import java.util.Locale;

/**
 * Which characters a customer's text may contain, for every channel (API, portal, mail) and every kind
 * of field. Refused everywhere: C0 and C1 control characters (NUL included), DEL, unpaired surrogates
 * and the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which make
 * text read differently from what it is ({@code invoice\u202Egnp.exe} shows as {@code invoiceexe.png}).
 * A multi-line text may keep tab, line feed and carriage return; a one-line field may not, nor the
 * Unicode line and paragraph separators; a file name may not hold the bidirectional marks either.
 * The API and the portal refuse such text ({@link #problem}); mail intake keeps the customer's mail and
 * removes the characters instead ({@link #neutralise}).
 */
public final class TextRules {

    /** How a field is used, which decides what it may contain. */
    public enum Kind { ONE_LINE, MULTI_LINE, FILE_NAME }

    private TextRules() {
    }

    /** Null if the text may be stored as this kind of field, else what is wrong (in English, for the API). */
    public static String problem(String text, Kind kind) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "is not valid text: an unpaired surrogate U+" + hex(c) + " at position " + (i + 1);
            }
            if (refused(c, kind)) {
                return switch (kind) {
                    case ONE_LINE -> "must be on one line without control characters or bidirectional overrides";
                    case MULTI_LINE -> "must not contain control characters (other than tab and line breaks) or bidirectional overrides";
                    case FILE_NAME -> "must not contain control characters or bidirectional marks";
                } + ": " + describe(c) + " at position " + (i + 1);
            }
        }
        return null;
    }

    /**
     * The text without the characters {@link #problem} refuses: line breaks and tabs of a one-line field
     * become spaces, everything else refused (in a file name: line breaks and tabs too) is removed.
     */
    public static String neutralise(String text, Kind kind) {
        if (text == null || problem(text, kind) == null) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    clean.append(c).append(text.charAt(++i));
                }
            } else if (!refused(c, kind)) {
                clean.append(c);
            } else if (kind == Kind.ONE_LINE && (c == '\n' || c == '\r' || c == '\t' || c == '\u2028' || c == '\u2029')) {
                clean.append(' ');
            }
        }
        return clean.toString();
    }

    private static boolean refused(char c, Kind kind) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return kind != Kind.MULTI_LINE;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
            return true;
        }
        if (c == '\u2028' || c == '\u2029') {
            return kind != Kind.MULTI_LINE;
        }
        return kind == Kind.FILE_NAME && (c == '\u200E' || c == '\u200F' || c == '\u061C');
    }

    private static String describe(char c) {
        String name = Character.getName(c);
        return "U+" + hex(c) + (name == null ? "" : " (" + name.toLowerCase(Locale.ROOT) + ")");
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04X", (int) c);
    }
}
