package io.opsdesk.sla;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.ResourceLoader;

/**
 * The configured business calendars by name (see {@link SlaProperties}), all built and checked at
 * start-up, so a broken calendar stops the application instead of a timer. Loaded holiday notices
 * ({@link #reload}) rebuild them.
 */
public class BusinessCalendars {

    private final SlaProperties properties;
    private final CalendarFactory factory;
    private volatile Map<String, BusinessCalendar> calendars;

    BusinessCalendars(Map<String, BusinessCalendar> calendars) {
        this(null, null, calendars);
    }

    private BusinessCalendars(SlaProperties properties, CalendarFactory factory, Map<String, BusinessCalendar> calendars) {
        this.properties = properties;
        this.factory = factory;
        this.calendars = Collections.unmodifiableMap(new TreeMap<>(calendars));
    }

    static BusinessCalendars from(SlaProperties properties, ResourceLoader resources) {
        return from(properties, resources, Clock.systemUTC());
    }

    /** As {@link #from(SlaProperties, ResourceLoader)} on {@code clock}'s date (which years get provisional holidays). */
    static BusinessCalendars from(SlaProperties properties, ResourceLoader resources, Clock clock) {
        CalendarFactory factory = new CalendarFactory(resources, clock);
        return new BusinessCalendars(properties, factory, build(properties, factory, Map.of()));
    }

    private static Map<String, BusinessCalendar> build(SlaProperties properties, CalendarFactory factory,
            Map<String, Map<Integer, List<SpecialDay>>> notices) {
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        properties.getCalendars().forEach((name, config) ->
                calendars.put(name, factory.create(name, config, notices.getOrDefault(name, Map.of()))));
        return calendars;
    }

    /** Rebuilds every calendar with the loaded {@code notices} (calendar name → year → days). */
    void reload(Map<String, Map<Integer, List<SpecialDay>>> notices) {
        if (factory != null) {
            calendars = Collections.unmodifiableMap(new TreeMap<>(build(properties, factory, notices)));
        }
    }

    /** The special days of calendar {@code name} by source, with {@code notices} loaded. */
    CalendarFactory.Days days(String name, Map<Integer, List<SpecialDay>> notices) {
        get(name);
        SlaProperties.Calendar config = properties.getCalendars().get(name);
        if (config.isAlwaysOpen()) {
            throw new IllegalArgumentException("calendar '" + name + "' is always open and has no holidays");
        }
        return factory.days(config, notices);
    }

    /**
     * The calendar called {@code name}, e.g. {@code china-business} or {@code 24x7}.
     *
     * @throws UnknownCalendarException if no calendar has that name
     */
    public BusinessCalendar get(String name) {
        BusinessCalendar calendar = name == null ? null : calendars.get(name);
        if (calendar == null) {
            throw new UnknownCalendarException(name, calendars.keySet());
        }
        return calendar;
    }

    public Set<String> names() {
        return calendars.keySet();
    }
}
