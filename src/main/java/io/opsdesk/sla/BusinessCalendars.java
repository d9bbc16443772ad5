package io.opsdesk.sla;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.core.io.ResourceLoader;

/**
 * The configured business calendars by name (see {@link SlaProperties}), all built and checked at
 * start-up, so a broken calendar stops the application instead of a timer.
 */
public class BusinessCalendars {

    private final Map<String, BusinessCalendar> calendars;

    BusinessCalendars(Map<String, BusinessCalendar> calendars) {
        this.calendars = Collections.unmodifiableMap(new TreeMap<>(calendars));
    }

    static BusinessCalendars from(SlaProperties properties, ResourceLoader resources) {
        return from(properties, resources, Clock.systemUTC());
    }

    /** As {@link #from(SlaProperties, ResourceLoader)} on {@code clock}'s date (which years get provisional holidays). */
    static BusinessCalendars from(SlaProperties properties, ResourceLoader resources, Clock clock) {
        CalendarFactory factory = new CalendarFactory(resources, clock);
        Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
        properties.getCalendars().forEach((name, config) -> calendars.put(name, factory.create(name, config)));
        return new BusinessCalendars(calendars);
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
