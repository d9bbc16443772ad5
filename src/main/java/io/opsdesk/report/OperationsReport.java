package io.opsdesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of one operations report, frozen when it was compiled: stored as JSON, shown as the page
 * {@code /reports/{id}}, exported as JSON and CSV and mailed to managers. Durations are in seconds.
 */
public record OperationsReport(
        Period period,
        Volumes volumes,
        List<DayCount> openedVsClosed,
        Backlog backlog,
        Durations firstResponse,
        Durations resolution,
        List<SlaCompliance> slaCompliance,
        Quality quality,
        Satisfaction satisfaction,
        List<HotSpot> hotSpots,
        List<TargetHealth> health,
        Difficulties difficulties,
        List<StepTime> steps,
        Releases releases,
        List<Warning> warnings,
        List<ProblemLine> problems,
        @JsonInclude(JsonInclude.Include.NON_NULL) PeopleReport people) {

    /**
     * A problem record (io.opsdesk.problem) by the tickets linked to it in the period, the most first ({@link ProblemFigures}).
     * Absent in reports compiled before.
     */
    public record ProblemLine(String key, String title, String system, String state, long ticketsLinked) {
    }

    /**
     * Something the reader must act on that the figures do not show, e.g. a missing holiday notice (due dates
     * then count on provisional days); {@code zh} and {@code en} say it. Absent in reports compiled before.
     */
    public record Warning(String kind, String zh, String en) {
    }

    public OperationsReport {
        warnings = warnings == null ? List.of() : warnings;
        problems = problems == null ? List.of() : problems;
    }

    /**
     * The same report without its people's and groups' figures, for a reader who may not see them
     * ({@link PeopleVisibility}); {@code people} is then absent from the JSON. Null in reports compiled before.
     */
    public OperationsReport withoutPeople() {
        return new OperationsReport(period, volumes, openedVsClosed, backlog, firstResponse, resolution, slaCompliance,
                quality, satisfaction, hotSpots, health, difficulties, steps, releases, warnings, problems, null);
    }

    /** What the report covers: from (inclusive) to (exclusive), days counted in {@code zone}. */
    public record Period(ReportPeriod.Kind kind, Instant from, Instant to, String zone, Instant compiledAt) {
    }

    /** Tickets opened in the period by type, system and priority; tickets closed (or declined) in it. */
    public record Volumes(long opened, long closed, Map<String, Long> byType, Map<String, Long> bySystem,
                          Map<String, Long> byPriority) {
    }

    /** Per day of the period in the team's zone. */
    public record DayCount(LocalDate day, long opened, long closed) {
    }

    /** Tickets still open at the end of the period, by age then. */
    public record Backlog(long open, List<Bucket> byAge) {
    }

    public record Bucket(String label, long count) {
    }

    /**
     * Elapsed (wall-clock) times of the tickets whose clock stopped in the period. Median and 90th percentile by
     * nearest rank: the smallest time such that at least 50 % (90 %) of the times are not longer.
     */
    public record Durations(long count, Long medianSeconds, Long p90Seconds) {
    }

    /** SLA met or not per priority, for the clocks that stopped in the period against their due dates. */
    public record SlaCompliance(String priority, long firstResponseMet, long firstResponseTotal,
                                long resolutionMet, long resolutionTotal) {

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public Double firstResponsePercent() {
            return percent(firstResponseMet, firstResponseTotal);
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public Double resolutionPercent() {
            return percent(resolutionMet, resolutionTotal);
        }
    }

    /**
     * Deliveries customers rejected (reopened) out of those they decided in the period, and verifications that
     * failed out of those done in it.
     */
    public record Quality(long deliveriesAccepted, long deliveriesRejected, long verificationsPassed,
                          long verificationsFailed) {

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public Double reopenPercent() {
            return percent(deliveriesRejected, deliveriesAccepted + deliveriesRejected);
        }

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public Double failedVerificationPercent() {
            return percent(verificationsFailed, verificationsPassed + verificationsFailed);
        }
    }

    /** Ratings (1–5) of the tickets closed in the period. */
    public record Satisfaction(long rated, Double average, Map<Integer, Long> distribution) {
    }

    /** One inspection finding seen in the period: log exceptions and measured anomalies, most frequent first. */
    public record HotSpot(String fingerprint, String target, String title, long occurrences, long runs,
                          Instant lastSeen, String ticketKey, String ticketStatus) {
    }

    /** Inspection results of one target over the period. */
    public record TargetHealth(String target, String kind, long checks, long ok, long warning, long failed,
                               Long averageLatencyMs, String lastStatus, String lastMessage) {

        @JsonProperty(access = JsonProperty.Access.READ_ONLY)
        public Double availabilityPercent() {
            return percent(ok + warning, checks);
        }
    }

    /** Where the team struggles: overdue, most bounced and oldest open tickets at the end of the period. */
    public record Difficulties(List<TicketLine> overdue, List<TicketLine> mostBounced, List<TicketLine> oldestOpen) {
    }

    /**
     * A ticket in a difficulty list; {@code figure} is what puts it there: seconds overdue, number of bounces
     * (failed verifications and rejected deliveries) or age in seconds.
     */
    public record TicketLine(String key, String title, String type, String priority, String status, long figure) {
    }

    /** Time spent in one BPMN step (user and receive tasks, call activities) that ended in the period. */
    /**
     * Releases that ended in the period: delivered, rolled back or not approved; the tickets the delivered ones
     * shipped; each release, newest first. Absent (null) in reports compiled before releases existed.
     */
    public record Releases(long delivered, long rolledBack, long rejected, long ticketsDelivered, List<ReleaseLine> list) {
    }

    public record ReleaseLine(String key, String version, String status, Instant windowStart, Instant finishedAt,
                              long tickets, long ticketsDelivered) {
    }

    public record StepTime(String process, String activityId, String activityName, long count, long medianSeconds,
                           long p90Seconds, long totalSeconds) {
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
