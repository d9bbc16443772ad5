package io.opsdesk.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * Turns the wall-clock bounds of a working interval into instants, also on the days daylight saving
 * starts or ends:
 * <ul>
 * <li>Gap (clocks jump forward, e.g. Europe/Berlin 02:00 → 03:00 in March): wall-clock times inside
 * the gap do not exist, so a bound inside it becomes the instant the gap ends. {@code 01:00-02:30}
 * then lasts one hour (01:00–03:00 local), {@code 02:30-05:00} two hours, and an interval entirely
 * inside the gap is empty that day.</li>
 * <li>Overlap (clocks go back, e.g. Europe/Berlin 03:00 → 02:00 in October): wall-clock times inside
 * it happen twice, so an opening there uses the first occurrence and a closing the second. The interval
 * then covers everything that is worked: {@code 00:00-06:00} lasts seven hours that night.</li>
 * </ul>
 * Business time is always real elapsed time between the resulting instants; intervals away from
 * the switch (the usual office day) keep their length.
 */
final class WallClock {

    private WallClock() {
    }

    static Instant opening(LocalDateTime wallClock, ZoneId zone) {
        return resolve(wallClock, zone, true);
    }

    static Instant closing(LocalDateTime wallClock, ZoneId zone) {
        return resolve(wallClock, zone, false);
    }

    private static Instant resolve(LocalDateTime wallClock, ZoneId zone, boolean opening) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(wallClock);
        if (transition == null) {
            return wallClock.atZone(zone).toInstant();
        }
        if (transition.isGap()) {
            return transition.getInstant();
        }
        return wallClock.toInstant(opening ? transition.getOffsetBefore() : transition.getOffsetAfter());
    }
}
