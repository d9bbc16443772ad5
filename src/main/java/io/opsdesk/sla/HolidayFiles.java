package io.opsdesk.sla;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Holiday files in either format, chosen by the name's extension: {@code .csv} or {@code .ics}; UTF-8. */
final class HolidayFiles {

    private HolidayFiles() {
    }

    /**
     * The special days in {@code in}; {@code source} is the file's name, used for the format and in errors.
     *
     * @throws HolidayFileException if the file is malformed or lists a date both as a holiday and a working day
     */
    static List<SpecialDay> read(String source, InputStream in) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String name = source.toLowerCase(Locale.ROOT);
        List<SpecialDay> days;
        if (name.endsWith(".csv")) {
            days = HolidayCsvParser.parse(reader, source);
        } else if (name.endsWith(".ics") || name.endsWith(".ical") || name.endsWith(".ifb")) {
            days = HolidayIcsParser.parse(reader, source);
        } else {
            throw new HolidayFileException(source + ": unknown holiday file format; use a .csv or an .ics file");
        }
        requireNoConflicts(days, source);
        return days;
    }

    private static void requireNoConflicts(List<SpecialDay> days, String source) {
        Map<LocalDate, SpecialDay.Kind> kinds = new HashMap<>();
        for (SpecialDay day : days) {
            SpecialDay.Kind before = kinds.putIfAbsent(day.date(), day.kind());
            if (before != null && before != day.kind()) {
                throw new HolidayFileException(source + ": " + day.date() + " is listed both as a holiday and as a working day");
            }
        }
    }

    static String withoutByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
