package io.opsdesk.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.opsdesk.report.OperationsReport.Difficulties;
import io.opsdesk.report.OperationsReport.TicketLine;
import io.opsdesk.report.TicketRows.Row;

/**
 * The difficulties of a period: the open tickets most overdue at its end, the tickets bounced most often (rejected
 * by the customer or failed in verification, counted since each was opened) and the oldest open tickets.
 */
final class TicketDifficulties {

    static final int LINES = 10;

    private final Instant end;
    private final Map<Long, Long> bounces;
    private final Top<Map.Entry<Row, Long>> overdue = new Top<>(
            Map.Entry.<Row, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().key()));
    private final Top<Map.Entry<Row, Long>> mostBounced = new Top<>(
            Map.Entry.<Row, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().key()));
    private final Top<Row> oldest = new Top<>(Comparator.comparing(Row::created).thenComparing(Row::key));

    /** {@code bounces}: rejections and failed verifications per ticket id, counted since each was opened. */
    TicketDifficulties(Instant end, Map<Long, Long> bounces) {
        this.end = end;
        this.bounces = bounces;
    }

    /** One ticket of the period; only the ten leading of each list are kept. */
    void add(Row row) {
        if (row.openAt(end)) {
            long late = overdueBy(row, end);
            if (late > 0) {
                overdue.offer(Map.entry(row, late));
            }
            oldest.offer(row);
        }
        Long bounced = bounces.get(row.id());
        if (bounced != null) {
            mostBounced.offer(Map.entry(row, bounced));
        }
    }

    Difficulties difficulties() {
        return new Difficulties(overdue.sorted().stream().map(e -> line(e.getKey(), e.getValue())).toList(),
                mostBounced.sorted().stream().map(e -> line(e.getKey(), e.getValue())).toList(),
                oldest.sorted().stream().map(r -> line(r, Duration.between(r.created(), end).toSeconds())).toList());
    }

    /** The first {@value #LINES} in {@code order} of what was offered. */
    private static final class Top<T> {

        private final Comparator<T> order;
        /** The kept ones, the last in order on top, to be dropped first. */
        private final PriorityQueue<T> kept;

        Top(Comparator<T> order) {
            this.order = order;
            this.kept = new PriorityQueue<>(LINES + 1, order.reversed());
        }

        void offer(T item) {
            kept.add(item);
            if (kept.size() > LINES) {
                kept.poll();
            }
        }

        List<T> sorted() {
            return kept.stream().sorted(order).toList();
        }
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
