package io.opsdesk.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.opsdesk.report.OperationsReport.Difficulties;
import io.opsdesk.report.OperationsReport.TicketLine;
import io.opsdesk.report.TicketRows.Event;
import io.opsdesk.report.TicketRows.Row;

/**
 * The difficulties of a period: the open tickets most overdue at its end, the tickets bounced most often (rejected
 * by the customer or failed in verification, counted since each was opened) and the oldest open tickets.
 */
final class TicketDifficulties {

    static final int LINES = 10;

    private TicketDifficulties() {
    }

    static Difficulties of(List<Row> rows, List<Event> events, Instant end) {
        List<Row> open = rows.stream().filter(r -> r.openAt(end)).toList();
        List<TicketLine> overdue = open.stream()
                .map(r -> Map.entry(r, overdueBy(r, end)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<Row, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().key()))
                .limit(LINES).map(e -> line(e.getKey(), e.getValue())).toList();
        Map<Long, Long> bounces = new HashMap<>();
        events.stream().filter(e -> e.type().equals("REJECTED") || e.type().equals("VERIFICATION_FAILED"))
                .forEach(e -> bounces.merge(e.ticketId(), 1L, Long::sum));
        List<TicketLine> mostBounced = rows.stream().filter(r -> bounces.containsKey(r.id()))
                .sorted(Comparator.<Row>comparingLong(r -> bounces.get(r.id())).reversed().thenComparing(Row::key))
                .limit(LINES).map(r -> line(r, bounces.get(r.id()))).toList();
        List<TicketLine> oldest = open.stream().sorted(Comparator.comparing(Row::created).thenComparing(Row::key))
                .limit(LINES).map(r -> line(r, Duration.between(r.created(), end).toSeconds())).toList();
        return new Difficulties(overdue, mostBounced, oldest);
    }

    /** Seconds the first response or (unless paused) the resolution is late at {@code end}; 0 when on time. */
    private static long overdueBy(Row row, Instant end) {
        long late = 0;
        if (row.firstResponseDue() != null && (row.firstResponse() == null || row.firstResponse().isAfter(end))
                && row.firstResponseDue().isBefore(end)) {
            late = Duration.between(row.firstResponseDue(), end).toSeconds();
        }
        if (row.resolutionDue() != null && row.pausedSince() == null
                && (row.resolved() == null || row.resolved().isAfter(end)) && row.resolutionDue().isBefore(end)) {
            late = Math.max(late, Duration.between(row.resolutionDue(), end).toSeconds());
        }
        return late;
    }

    private static TicketLine line(Row row, long figure) {
        String priority = row.priority() == null ? TicketFigures.NO_PRIORITY : row.priority();
        return new TicketLine(row.key(), row.title(), row.type(), priority, row.status(), figure);
    }
}
