package io.opsdesk.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Loads a year's official holiday notice into the database and keeps every node's calendars in step
 * with the stored notices (each node re-reads them every minute; the loading node at once).
 */
@Service
public class HolidayNoticeService {

    private static final Logger LOG = LoggerFactory.getLogger(HolidayNoticeService.class);

    /** Where a day of a calendar comes from. */
    public enum Source { NOTICE, FILE, PROVISIONAL }

    /** One special day and its source. */
    public record Day(String date, String kind, String name, Source source) {
    }

    private final BusinessCalendars calendars;
    private final HolidayNoticeRepository repository;
    private volatile Map<String, Map<Integer, List<SpecialDay>>> loaded = Map.of();

    HolidayNoticeService(BusinessCalendars calendars, HolidayNoticeRepository repository) {
        this.calendars = calendars;
        this.repository = repository;
    }

    /**
     * Checks and stores {@code text} as calendar {@code name}'s notice for {@code year}, replacing a
     * previous one; nothing is stored when it is refused.
     *
     * @throws HolidayFileException naming the field or line at fault
     * @throws UnknownCalendarException for an unknown calendar
     */
    public List<Day> load(String name, int year, String format, String text, String user) {
        calendars.days(name, Map.of());
        HolidayNotice notice = HolidayNotice.parse(year, format, text);
        repository.replace(name, notice, user, Instant.now());
        LOG.info("SLA calendar {}: {} loaded the holiday notice for {} ({} days)", name, user, year, notice.days().size());
        refresh();
        return days(name, year);
    }

    /** Calendar {@code name}'s special days in {@code year}, with their source. */
    public List<Day> days(String name, int year) {
        Map<Integer, List<SpecialDay>> notices = loaded.getOrDefault(name, Map.of());
        CalendarFactory.Days days = calendars.days(name, notices);
        List<Day> result = new ArrayList<>();
        if (notices.containsKey(year)) {
            notices.get(year).forEach(day -> result.add(view(day, Source.NOTICE)));
        } else {
            days.file().stream().filter(day -> day.date().getYear() == year).forEach(day -> result.add(view(day, Source.FILE)));
            days.provisional().stream().filter(day -> day.date().getYear() == year)
                    .forEach(day -> result.add(view(day, Source.PROVISIONAL)));
        }
        result.sort(Comparator.comparing(Day::date));
        return result;
    }

    /** Re-reads the stored notices and rebuilds the calendars when they changed. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${opsdesk.sla.notice-refresh-millis:60000}")
    public synchronized void refresh() {
        Map<String, Map<Integer, List<SpecialDay>>> stored = repository.findAll();
        if (!Objects.equals(stored, loaded)) {
            calendars.reload(stored);
            loaded = stored;
        }
    }

    private static Day view(SpecialDay day, Source source) {
        return new Day(day.date().toString(), day.kind().name(), day.name(), source);
    }
}
