package io.opsdesk.sla;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code date,kind,name} lines, e.g. {@code 2026-02-14,WORKDAY,春节调休上班}: kind is
 * {@code HOLIDAY} or {@code WORKDAY}, the name is optional and may contain commas. Blank lines and
 * lines starting with {@code #} are skipped, and so is a {@code date,kind,name} header line.
 */
final class HolidayCsvParser {

    private HolidayCsvParser() {
    }

    static List<SpecialDay> parse(BufferedReader reader, String source) {
        List<SpecialDay> days = new ArrayList<>();
        try {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String text = (lineNumber == 1 ? HolidayFiles.withoutByteOrderMark(line) : line).trim();
                if (text.isEmpty() || text.startsWith("#") || text.equalsIgnoreCase("date,kind,name")) {
                    continue;
                }
                days.add(parseLine(text, source, lineNumber));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
        return days;
    }

    private static SpecialDay parseLine(String text, String source, int lineNumber) {
        String[] fields = text.split(",", 3);
        if (fields.length < 2) {
            throw HolidayFileException.at(source, lineNumber, "expected date,kind,name but found '" + text + "'");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(fields[0].trim());
        } catch (DateTimeParseException e) {
            throw HolidayFileException.at(source, lineNumber, "'" + fields[0].trim() + "' is not a date like 2026-10-01");
        }
        String kind = fields[1].trim().toUpperCase(Locale.ROOT);
        if (!kind.equals("HOLIDAY") && !kind.equals("WORKDAY")) {
            throw HolidayFileException.at(source, lineNumber, "kind must be HOLIDAY or WORKDAY, not '" + fields[1].trim() + "'");
        }
        String name = fields.length == 3 ? fields[2].trim() : "";
        return new SpecialDay(date, SpecialDay.Kind.valueOf(kind), name);
    }
}
