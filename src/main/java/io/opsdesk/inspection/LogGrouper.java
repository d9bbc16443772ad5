package io.opsdesk.inspection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads log lines in order and groups errors into findings. An error is a line matching one of the
 * patterns (or, with stack traces on, an exception line followed by {@code at ...}) together with the
 * stack trace lines after it ({@code \tat ...}, {@code Caused by: ...}, {@code ... 12 more}). Errors with
 * the same exception type and normalised message are one finding.
 */
class LogGrouper {

    private static final int SAMPLE_LINES = 40;
    private static final Pattern STACK_LINE = Pattern.compile(
            "^\\s+at \\S|^\\s*Caused by: |^\\s*Suppressed: |^\\s*\\.\\.\\. \\d+ (?:more|common frames omitted)");
    private static final Pattern FRAME = Pattern.compile("^\\s+at \\S");
    /** {@code java.lang.IllegalStateException: message} or {@code Exception in thread "main" java.io.IOException: message}. */
    private static final Pattern EXCEPTION = Pattern.compile(
            "^(?:Exception in thread \"[^\"]*\" )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*)(?::\\s*(.*))?$");

    private final InspectionTarget target;
    private final List<Pattern> patterns;
    private final boolean stackTraces;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private Event current;
    private Event pending;
    private int errors;

    LogGrouper(InspectionTarget target) {
        this.target = target;
        this.patterns = target.getLogs().getPatterns().stream().map(Pattern::compile).toList();
        this.stackTraces = target.getLogs().isStackTraces();
    }

    /** The next line of a file; {@code where} names its place (file and byte offset). */
    void line(String text, String where) {
        if (current != null && text.isBlank() && current.expectsException() && !current.blankSeen) {
            // Spring Boot's default pattern (%wEx) puts an empty line between an error's message and its stack trace
            current.blankSeen = true;
            return;
        }
        if (current != null && (STACK_LINE.matcher(text).find() || current.expectsException() && EXCEPTION.matcher(text).matches())) {
            current.add(text);
            return;
        }
        close();
        if (pending != null) {
            Event header = pending;
            pending = null;
            if (FRAME.matcher(text).find()) {
                current = header;
                current.add(text);
                return;
            }
        }
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                current = new Event(text, text.substring(m.end()), where);
                Matcher exception = EXCEPTION.matcher(text);
                if (exception.matches()) {
                    current.exception(exception.group(1), exception.group(2));
                }
                return;
            }
        }
        if (stackTraces) {
            Matcher exception = EXCEPTION.matcher(text);
            if (exception.matches()) {
                pending = new Event(text, "", where);
                pending.exception(exception.group(1), exception.group(2));
            }
        }
    }

    /** The end of a file: an error still open is complete. */
    void endOfFile() {
        pending = null;
        close();
    }

    private void close() {
        if (current == null) {
            return;
        }
        Event event = current;
        current = null;
        errors++;
        String message = event.exceptionMessage != null && !event.exceptionMessage.isBlank() ? event.exceptionMessage : event.lineMessage;
        String key = (event.exceptionType == null ? "ERROR" : event.exceptionType) + ": " + MessageNormaliser.normalise(message);
        groups.computeIfAbsent(key, k -> new Group(k, event)).add(event);
    }

    int errors() {
        return errors;
    }

    int groupCount() {
        return groups.size();
    }

    /** The most frequent groups first, at most {@code max}. */
    List<Finding> findings(int max) {
        return groups.values().stream()
                .sorted(Comparator.comparingInt((Group g) -> g.count).reversed())
                .limit(max)
                .map(this::finding)
                .toList();
    }

    private Finding finding(Group group) {
        String title = target.getName() + ": " + shorten(group.key.replaceFirst("^(?:[a-z_$][\\w$]*\\.)+", ""), 160);
        String evidence = "%d× from %s to %s%n%n%s".formatted(group.count, group.first, group.last, String.join("\n", group.sample.lines));
        return new Finding(Finding.fingerprint(target, "log:" + group.key), title, evidence, group.count, group.first, group.last);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final class Event {

        final List<String> lines = new ArrayList<>();
        final String lineMessage;
        final String seen;
        String exceptionType;
        String exceptionMessage;
        boolean blankSeen;

        Event(String line, String lineMessage, String where) {
            this.lines.add(line);
            this.lineMessage = lineMessage.replaceFirst("^[\\s:\\-|\\]]+", "");
            String time = MessageNormaliser.timestampOf(line);
            this.seen = time == null ? where : time + " (" + where + ")";
        }

        boolean expectsException() {
            return exceptionType == null;
        }

        void exception(String type, String message) {
            exceptionType = type;
            exceptionMessage = message;
        }

        void add(String line) {
            if (expectsException()) {
                Matcher m = EXCEPTION.matcher(line);
                if (m.matches()) {
                    exception(m.group(1), m.group(2));
                }
            }
            if (lines.size() < SAMPLE_LINES) {
                lines.add(line);
            } else if (lines.size() == SAMPLE_LINES) {
                lines.add("\t…");
            }
        }
    }

    private static final class Group {

        final String key;
        final Event sample;
        final String first;
        String last;
        int count;

        Group(String key, Event sample) {
            this.key = key;
            this.sample = sample;
            this.first = sample.seen;
        }

        void add(Event event) {
            count++;
            last = event.seen;
        }
    }
}
