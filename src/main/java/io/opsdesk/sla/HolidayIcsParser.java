package io.opsdesk.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the all-day events of an iCalendar file (RFC 5545) as special days: every date from
 * {@code DTSTART;VALUE=DATE} up to the exclusive {@code DTEND} (or {@code DURATION}; one day without
 * either). An event is a make-up working day if {@code X-OPSDESK-KIND:WORKDAY} or its
 * {@code CATEGORIES} contain {@code WORKDAY}, otherwise a holiday; {@code SUMMARY} is its name.
 * Cancelled events are skipped; timed and recurring events are rejected, since a holiday calendar
 * lists each day off explicitly.
 */
final class HolidayIcsParser {

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_EVENT_DAYS = 366;

    private HolidayIcsParser() {
    }

    static List<SpecialDay> parse(BufferedReader reader, String source) {
        List<SpecialDay> days = new ArrayList<>();
        Deque<String> components = new ArrayDeque<>();
        Map<String, String> event = new HashMap<>();
        int eventLine = 0;
        for (ContentLine line : unfold(reader, source)) {
            if (line.name().equals("BEGIN")) {
                components.push(line.value().toUpperCase(Locale.ROOT));
                if (components.peek().equals("VEVENT")) {
                    event.clear();
                    eventLine = line.number();
                }
            } else if (line.name().equals("END")) {
                if (components.isEmpty()) {
                    throw HolidayFileException.at(source, line.number(), "END:" + line.value() + " without BEGIN");
                }
                if (components.pop().equals("VEVENT")) {
                    days.addAll(toDays(event, source, eventLine));
                }
            } else if ("VEVENT".equals(components.peek())) {
                event.merge(line.name(), line.value(), (a, b) -> a + "," + b);
                if (line.name().equals("DTSTART") || line.name().equals("DTEND")) {
                    event.put(line.name() + ";PARAMS", line.params());
                }
            }
        }
        return days;
    }

    private static List<SpecialDay> toDays(Map<String, String> event, String source, int line) {
        if ("CANCELLED".equalsIgnoreCase(event.get("STATUS"))) {
            return List.of();
        }
        if (event.containsKey("RRULE") || event.containsKey("RDATE")) {
            throw HolidayFileException.at(source, line, "recurring events (RRULE, RDATE) are not supported; list each date");
        }
        if (!event.containsKey("DTSTART")) {
            throw HolidayFileException.at(source, line, "event without DTSTART");
        }
        LocalDate start = date(event, "DTSTART", source, line);
        LocalDate end = event.containsKey("DTEND") ? date(event, "DTEND", source, line)
                : start.plus(duration(event.get("DURATION"), source, line));
        if (!end.isAfter(start) || end.isAfter(start.plusDays(MAX_EVENT_DAYS))) {
            throw HolidayFileException.at(source, line, "event from " + start + " to " + end
                    + " (exclusive) must last between 1 and " + MAX_EVENT_DAYS + " days");
        }
        SpecialDay.Kind kind = kind(event, source, line);
        String name = unescape(event.getOrDefault("SUMMARY", ""));
        return start.datesUntil(end).map(date -> new SpecialDay(date, kind, name)).toList();
    }

    private static LocalDate date(Map<String, String> event, String property, String source, int line) {
        String value = event.get(property).trim();
        if (value.contains("T") || event.getOrDefault(property + ";PARAMS", "").contains("VALUE=DATE-TIME")) {
            throw HolidayFileException.at(source, line, property + ":" + value
                    + " is a date-time; holidays must be all-day events (" + property + ";VALUE=DATE:yyyyMMdd)");
        }
        try {
            return LocalDate.parse(value, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw HolidayFileException.at(source, line, property + " '" + value + "' is not a date like 20261001");
        }
    }

    private static Period duration(String value, String source, int line) {
        if (value == null) {
            return Period.ofDays(1);
        }
        try {
            return Period.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw HolidayFileException.at(source, line, "DURATION '" + value + "' is not a whole number of days like P3D");
        }
    }

    private static SpecialDay.Kind kind(Map<String, String> event, String source, int line) {
        String explicit = event.get("X-OPSDESK-KIND");
        if (explicit != null) {
            try {
                return SpecialDay.Kind.valueOf(explicit.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw HolidayFileException.at(source, line, "X-OPSDESK-KIND must be HOLIDAY or WORKDAY, not '" + explicit + "'");
            }
        }
        for (String category : event.getOrDefault("CATEGORIES", "").split(",")) {
            if (category.trim().equalsIgnoreCase("WORKDAY")) {
                return SpecialDay.Kind.WORKDAY;
            }
        }
        return SpecialDay.Kind.HOLIDAY;
    }

    /** RFC 5545 text unescaping: {@code \\ \; \, \n}. */
    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString().trim();
    }

    /** Joins folded lines (a line starting with a space or tab continues the previous one) and splits them. */
    private static List<ContentLine> unfold(BufferedReader reader, String source) {
        List<ContentLine> lines = new ArrayList<>();
        StringBuilder current = null;
        int currentNumber = 0;
        int number = 0;
        try {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                number++;
                String text = number == 1 ? HolidayFiles.withoutByteOrderMark(raw) : raw;
                if (current != null && (text.startsWith(" ") || text.startsWith("\t"))) {
                    current.append(text, 1, text.length());
                    continue;
                }
                if (current != null) {
                    lines.add(ContentLine.parse(current.toString(), source, currentNumber));
                }
                current = text.isBlank() ? null : new StringBuilder(text);
                currentNumber = number;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        if (current != null) {
            lines.add(ContentLine.parse(current.toString(), source, currentNumber));
        }
        return lines;
    }

    /** {@code NAME;PARAM=x;PARAM="a:b":value}, with the name upper-cased. */
    private record ContentLine(String name, String params, String value, int number) {

        static ContentLine parse(String text, String source, int number) {
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ':' && !quoted) {
                    String head = text.substring(0, i);
                    int semicolon = head.indexOf(';');
                    String name = (semicolon < 0 ? head : head.substring(0, semicolon)).trim().toUpperCase(Locale.ROOT);
                    String params = semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT);
                    return new ContentLine(name, params, text.substring(i + 1), number);
                }
            }
            throw HolidayFileException.at(source, number, "'" + text + "' is not an iCalendar property (NAME:value)");
        }
    }
}
