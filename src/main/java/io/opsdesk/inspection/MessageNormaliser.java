package io.opsdesk.inspection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes messages that differ only in ids, numbers, quoted values and timestamps equal, so that
 * {@code Order 4711 not found} and {@code Order 4712 not found} count as one finding.
 */
final class MessageNormaliser {

    static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?"
                    + "|\\b\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?\\b");
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|`[^`]*`");
    private static final Pattern HEX = Pattern.compile("\\b0[xX][0-9a-fA-F]+\\b|\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b|@[0-9a-fA-F]{4,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MessageNormaliser() {
    }

    static String normalise(String message) {
        if (message == null) {
            return "";
        }
        String text = TIMESTAMP.matcher(message).replaceAll("<time>");
        text = UUID.matcher(text).replaceAll("<uuid>");
        text = QUOTED.matcher(text).replaceAll("<value>");
        text = HEX.matcher(text).replaceAll(m -> m.group().startsWith("@") ? "@<hex>" : "<hex>");
        text = NUMBER.matcher(text).replaceAll("<n>");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    /** The first timestamp in a log line, or null. */
    static String timestampOf(String line) {
        Matcher m = TIMESTAMP.matcher(line);
        return m.find() ? m.group() : null;
    }
}
