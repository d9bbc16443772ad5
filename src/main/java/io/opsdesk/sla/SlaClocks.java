package io.opsdesk.sla;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Service;

/**
 * Due dates on business calendars. A step at {@code p} % is due when the clock's business time, minus the
 * time it was paused, reaches {@code p} % of the target: {@code calendar.add(createdAt, target × p / 100 + paused)}.
 */
@Service
public class SlaClocks {

    private final BusinessCalendars calendars;

    SlaClocks(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /** When {@code clock} reaches {@code percent} % of its target. */
    public Instant dueAt(SlaState state, SlaClock clock, int percent) {
        Duration business = state.target(clock).multipliedBy(percent).dividedBy(100).plus(state.paused(clock));
        return calendars.get(state.calendar()).add(state.createdAt(), business);
    }

    /** {@code start} plus {@code business} time on {@code calendar}. */
    public Instant add(String calendar, Instant start, Duration business) {
        return calendars.get(calendar).add(start, business);
    }

    /** The business time on {@code calendar} between two instants. */
    public Duration between(String calendar, Instant from, Instant to) {
        return calendars.get(calendar).between(from, to);
    }

    /** Whether a step of the ladder is due now: its clock runs and its time has come. */
    public boolean stepDue(SlaState state, SlaClock clock, SlaStep step, Instant now) {
        return state.running(clock) && !now.isBefore(dueAt(state, clock, step.percent()));
    }
}
