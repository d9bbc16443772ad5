package io.opsdesk.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.opsdesk.report.OperationsReport.Backlog;
import io.opsdesk.report.OperationsReport.Bucket;
import io.opsdesk.report.OperationsReport.DayCount;
import io.opsdesk.report.OperationsReport.Difficulties;
import io.opsdesk.report.OperationsReport.Durations;
import io.opsdesk.report.OperationsReport.Quality;
import io.opsdesk.report.OperationsReport.Satisfaction;
import io.opsdesk.report.OperationsReport.SlaCompliance;
import io.opsdesk.report.OperationsReport.Volumes;
import io.opsdesk.report.TicketRows.Event;
import io.opsdesk.report.TicketRows.Row;

/**
 * The ticket figures of a report, counted in Java from what {@link TicketRows} read once: volumes, opened and
 * closed per day, backlog by age, response and resolution times, SLA compliance, quality and satisfaction; the
 * difficulties are {@link TicketDifficulties}.
 */
@Component
class TicketFigures {

    static final List<String> PRIORITIES = List.of("P1", "P2", "P3", "P4");
    static final String NO_PRIORITY = "none";
    private static final String[] AGE_LABELS = {"< 1 day", "1–3 days", "3–7 days", "7–30 days", "≥ 30 days"};
    private static final Duration[] AGE_LIMITS = {Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30)};

    private final TicketRows source;

    TicketFigures(TicketRows source) {
        this.source = source;
    }

    /** All figures that come from tickets, in one holder. */
    record Figures(Volumes volumes, List<DayCount> openedVsClosed, Backlog backlog, Durations firstResponse,
                   Durations resolution, List<SlaCompliance> sla, Quality quality, Satisfaction satisfaction,
                   Difficulties difficulties) {
    }

    Figures compile(ReportPeriod period) {
        List<Row> rows = source.rows(period);
        List<Event> events = source.events(period);
        Instant from = period.from();
        Instant to = period.to();
        List<Row> opened = rows.stream().filter(r -> within(r.created(), from, to)).toList();
        List<Row> closed = rows.stream().filter(r -> within(r.closed(), from, to)).toList();
        Volumes volumes = new Volumes(opened.size(), closed.size(),
                count(opened, Row::type), count(opened, Row::system), byPriority(opened));
        return new Figures(volumes, perDay(opened, closed, period), backlog(rows, to),
                durations(rows.stream().filter(r -> within(r.firstResponse(), from, to))
                        .map(r -> Duration.between(r.created(), r.firstResponse())).toList()),
                durations(rows.stream().filter(r -> within(r.resolved(), from, to))
                        .map(r -> Duration.between(r.created(), r.resolved())).toList()),
                sla(rows, from, to), quality(events, from, to), satisfaction(closed), TicketDifficulties.of(rows, events, to));
    }

    private static boolean within(Instant moment, Instant from, Instant to) {
        return moment != null && !moment.isBefore(from) && moment.isBefore(to);
    }

    private static Map<String, Long> count(List<Row> rows, Function<Row, String> key) {
        Map<String, Long> counts = rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        // most first, then by name
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Long> byPriority(List<Row> rows) {
        Map<String, Long> counts = new LinkedHashMap<>();
        PRIORITIES.forEach(p -> counts.put(p, 0L));
        rows.forEach(r -> counts.merge(r.priority() == null ? NO_PRIORITY : r.priority(), 1L, Long::sum));
        return counts;
    }

    private static List<DayCount> perDay(List<Row> opened, List<Row> closed, ReportPeriod period) {
        ZoneId zone = period.zone();
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        LocalDate last = period.to().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate day = period.from().atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, new long[2]);
        }
        opened.forEach(r -> days.get(r.created().atZone(zone).toLocalDate())[0]++);
        closed.forEach(r -> days.get(r.closed().atZone(zone).toLocalDate())[1]++);
        return days.entrySet().stream().map(e -> new DayCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static Backlog backlog(List<Row> rows, Instant end) {
        long[] buckets = new long[AGE_LABELS.length];
        List<Row> open = rows.stream().filter(r -> r.openAt(end)).toList();
        for (Row row : open) {
            Duration age = Duration.between(row.created(), end);
            int bucket = 0;
            while (bucket < AGE_LIMITS.length && age.compareTo(AGE_LIMITS[bucket]) >= 0) {
                bucket++;
            }
            buckets[bucket]++;
        }
        List<Bucket> byAge = new ArrayList<>();
        for (int i = 0; i < AGE_LABELS.length; i++) {
            byAge.add(new Bucket(AGE_LABELS[i], buckets[i]));
        }
        return new Backlog(open.size(), byAge);
    }

    static Durations durations(List<Duration> times) {
        List<Long> seconds = times.stream().map(Duration::toSeconds).sorted().toList();
        return new Durations(seconds.size(), Percentiles.nearestRank(seconds, 50), Percentiles.nearestRank(seconds, 90));
    }

    private static List<SlaCompliance> sla(List<Row> rows, Instant from, Instant to) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        PRIORITIES.forEach(p -> counts.put(p, new long[4]));
        for (Row row : rows) {
            if (row.priority() == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(row.priority(), p -> new long[4]);
            if (within(row.firstResponse(), from, to) && row.firstResponseDue() != null) {
                c[1]++;
                c[0] += row.firstResponse().isAfter(row.firstResponseDue()) ? 0 : 1;
            }
            if (within(row.resolved(), from, to) && row.resolutionDue() != null) {
                c[3]++;
                c[2] += row.resolved().isAfter(row.resolutionDue()) ? 0 : 1;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new SlaCompliance(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    private static Quality quality(List<Event> events, Instant from, Instant to) {
        Map<String, Long> counts = events.stream().filter(e -> within(e.at(), from, to))
                .collect(Collectors.groupingBy(Event::type, Collectors.counting()));
        return new Quality(counts.getOrDefault("ACCEPTED", 0L), counts.getOrDefault("REJECTED", 0L),
                counts.getOrDefault("VERIFIED", 0L), counts.getOrDefault("VERIFICATION_FAILED", 0L));
    }

    private static Satisfaction satisfaction(List<Row> closed) {
        Map<Integer, Long> distribution = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(rating, 0L);
        }
        List<Integer> ratings = closed.stream().map(Row::rating).filter(r -> r != null).toList();
        ratings.forEach(r -> distribution.merge(r, 1L, Long::sum));
        Double average = ratings.isEmpty() ? null
                : Math.round(ratings.stream().mapToInt(Integer::intValue).sum() * 100.0 / ratings.size()) / 100.0;
        return new Satisfaction(ratings.size(), average, distribution);
    }
}
