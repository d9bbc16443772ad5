package io.opsdesk.sla;

import static io.opsdesk.sla.SpecialDay.Kind.HOLIDAY;
import static io.opsdesk.sla.SpecialDay.Kind.WORKDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class HolidayFilesTest {

    @Test
    void readsTheCsvFormat() {
        assertThat(resource("sample-holidays.csv")).containsExactly(
                new SpecialDay(LocalDate.of(2030, 1, 1), HOLIDAY, "New Year"),
                new SpecialDay(LocalDate.of(2030, 2, 2), WORKDAY, "Make-up Saturday, before the festival"),
                new SpecialDay(LocalDate.of(2030, 2, 4), HOLIDAY, "Festival"),
                new SpecialDay(LocalDate.of(2030, 2, 5), HOLIDAY, ""));
    }

    @Test
    void readsTheICalendarFormat() {
        assertThat(resource("sample-holidays.ics")).containsExactly(
                new SpecialDay(LocalDate.of(2030, 1, 1), HOLIDAY, "New Year"),
                new SpecialDay(LocalDate.of(2030, 2, 4), HOLIDAY, "Spring Festival, first days"),
                new SpecialDay(LocalDate.of(2030, 2, 5), HOLIDAY, "Spring Festival, first days"),
                new SpecialDay(LocalDate.of(2030, 2, 6), HOLIDAY, "Spring Festival, first days"),
                new SpecialDay(LocalDate.of(2030, 2, 2), WORKDAY, "Make-up working day"),
                new SpecialDay(LocalDate.of(2030, 2, 16), WORKDAY, "Second make-up day"),
                new SpecialDay(LocalDate.of(2030, 9, 12), HOLIDAY, "Mid-Autumn"),
                new SpecialDay(LocalDate.of(2030, 9, 13), HOLIDAY, "Mid-Autumn"));
    }

    @Test
    void csvErrorsNameFileAndLine() {
        assertThatThrownBy(() -> read("bad.csv", "# header\n2030-01-01,HOLIDAY,ok\n2030-13-01,HOLIDAY,bad month\n"))
                .isInstanceOf(HolidayFileException.class)
                .hasMessage("bad.csv line 3: '2030-13-01' is not a date like 2026-10-01");
        assertThatThrownBy(() -> read("bad.csv", "2030-01-01,VACATION,x\n"))
                .hasMessageContaining("line 1: kind must be HOLIDAY or WORKDAY, not 'VACATION'");
        assertThatThrownBy(() -> read("bad.csv", "2030-01-01\n"))
                .hasMessageContaining("line 1: expected date,kind,name");
    }

    @Test
    void aDateCannotBeBothKindsInOneFile() {
        assertThatThrownBy(() -> read("both.csv", "2030-01-01,HOLIDAY,a\n2030-01-01,WORKDAY,b\n"))
                .isInstanceOf(HolidayFileException.class)
                .hasMessage("both.csv: 2030-01-01 is listed both as a holiday and as a working day");
    }

    @Test
    void iCalendarRejectsWhatItCannotRepresent() {
        assertThatThrownBy(() -> read("timed.ics", event("DTSTART:20300101T090000Z")))
                .isInstanceOf(HolidayFileException.class)
                .hasMessageContaining("timed.ics line 2: DTSTART:20300101T090000Z is a date-time");
        assertThatThrownBy(() -> read("yearly.ics", event("DTSTART;VALUE=DATE:20300101", "RRULE:FREQ=YEARLY")))
                .hasMessageContaining("recurring events (RRULE, RDATE) are not supported");
        assertThatThrownBy(() -> read("kind.ics", event("DTSTART;VALUE=DATE:20300101", "X-OPSDESK-KIND:HALFDAY")))
                .hasMessageContaining("X-OPSDESK-KIND must be HOLIDAY or WORKDAY");
        assertThatThrownBy(() -> read("backwards.ics", event("DTSTART;VALUE=DATE:20300105", "DTEND;VALUE=DATE:20300101")))
                .hasMessageContaining("must last between 1 and 366 days");
        assertThatThrownBy(() -> read("nostart.ics", event("SUMMARY:no date")))
                .hasMessageContaining("event without DTSTART");
    }

    @Test
    void unknownFormatIsRejected() {
        assertThatThrownBy(() -> read("holidays.json", "[]"))
                .isInstanceOf(HolidayFileException.class)
                .hasMessageContaining("use a .csv or an .ics file");
    }

    private static String event(String... properties) {
        return "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n" + String.join("\r\n", properties) + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static List<SpecialDay> read(String name, String content) {
        return HolidayFiles.read(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<SpecialDay> resource(String name) {
        try (InputStream in = HolidayFilesTest.class.getResourceAsStream("/calendars/" + name)) {
            return HolidayFiles.read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
