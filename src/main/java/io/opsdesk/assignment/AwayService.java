package io.opsdesk.assignment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.engine.EngineTime;

/**
 * Staff say for themselves that they are away (optionally until a day) and when they are back. Someone away gets
 * no new tasks; when they go, their open tasks in groups that assign automatically are handed on at once, in the
 * same transaction as the mark.
 */
@Service
public class AwayService {

    private static final Logger LOG = LoggerFactory.getLogger(AwayService.class);

    /** A person's mark after a change, and what was handed on. */
    public record AwayChange(String user, boolean away, LocalDate until, int reassigned, int returnedToQueue) {
    }

    private final AwayRecords records;
    private final TaskHandover handover;
    private final TeamDay day;
    private final Refusals refusals;

    AwayService(AwayRecords records, TaskHandover handover, TeamDay day, Refusals refusals) {
        this.records = records;
        this.handover = handover;
        this.day = day;
        this.refusals = refusals;
    }

    /** The user's mark, if it holds today. */
    public Optional<Away> of(String user) {
        return records.find(user, day.today());
    }

    /** Everyone away today. */
    public List<Away> awayNow() {
        return records.all(day.today());
    }

    /**
     * {@code away} true: marks {@code user} away until {@code until} (a day like 2026-12-24, today or later; null:
     * until they are back) and hands on their open tasks. false: {@link #back}. Refused input changes nothing.
     */
    @Transactional
    public AwayChange set(String user, Boolean away, String until) {
        if (away == null) {
            throw refusals.invalid("away", "away.missing");
        }
        if (!away) {
            if (until != null) {
                throw refusals.invalid("until", "until.notAway");
            }
            return back(user);
        }
        LocalDate last = until == null ? null : parse(until);
        records.away(user, last, EngineTime.now());
        TaskHandover.Handover handedOn = handover.handOver(user);
        LOG.info("{} is away{}: {} open task(s) reassigned, {} returned to the queue", user,
                last == null ? "" : " until " + last, handedOn.reassigned(), handedOn.returnedToQueue());
        return new AwayChange(user, true, last, handedOn.reassigned(), handedOn.returnedToQueue());
    }

    @Transactional
    public AwayChange back(String user) {
        records.back(user);
        return new AwayChange(user, false, null, 0, 0);
    }

    private LocalDate parse(String until) {
        LocalDate date;
        try {
            date = LocalDate.parse(until.trim());
        } catch (DateTimeParseException e) {
            throw refusals.invalid("until", "until.format", until);
        }
        LocalDate today = day.today();
        if (date.isBefore(today)) {
            throw refusals.invalid("until", "until.past", date, today);
        }
        return date;
    }
}
