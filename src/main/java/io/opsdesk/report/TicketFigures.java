package io.opsdesk.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import io.opsdesk.report.TicketRows.Row;

/**
 * The ticket figures of a report, counted in Java in one pass over what {@link TicketRows} reads, row by row (no
 * ticket is held; a report over a million tickets keeps counters, two arrays of durations and its top-ten lists): volumes, opened and
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
        Instant from = period.from();
        Instant to = period.to();
        Map<String, Long> quality = new HashMap<>();
        Map<Long, Long> bounces = new HashMap<>();
        source.events(period, event -> {
            if (within(event.at(), from, to)) {
                quality.merge(event.type(), 1L, Long::sum);
            }
            // bounces count since the ticket was opened
            if (event.type().equals("REJECTED") || event.type().equals("VERIFICATION_FAILED")) {
                bounces.merge(event.ticketId(), 1L, Long::sum);
            }
        });
        Tally tally = new Tally(period, bounces);
        source.rows(period, tally::add);
        return tally.figures(new Quality(quality.getOrDefault("ACCEPTED", 0L), quality.getOrDefault("REJECTED", 0L),
                quality.getOrDefault("VERIFIED", 0L), quality.getOrDefault("VERIFICATION_FAILED", 0L)));
    }

    private static boolean within(Instant moment, Instant from, Instant to) {
        return moment != null && !moment.isBefore(from) && moment.isBefore(to);
    }

    /** The counters of one pass over the period's tickets. */
    private static final class Tally {

        private final Instant from;
        private final Instant to;
        private final ZoneId zone;
        private long openedCount;
        private long closedCount;
        private final Map<String, Long> types = new TreeMap<>();
        private final Map<String, Long> systems = new TreeMap<>();
        private final Map<String, Long> priorities = new LinkedHashMap<>();
        private final Map<LocalDate, long[]> days = new LinkedHashMap<>();
        private final long[] ages = new long[AGE_LABELS.length];
        private long backlog;
        private final Seconds firstResponse = new Seconds();
        private final Seconds resolution = new Seconds();
        private final Map<String, long[]> sla = new LinkedHashMap<>();
        private final Map<Integer, Long> ratings = new LinkedHashMap<>();
        private long ratingCount;
        private long ratingSum;
        private final TicketDifficulties difficulties;

        Tally(ReportPeriod period, Map<Long, Long> bounces) {
            this.from = period.from();
            this.to = period.to();
            this.zone = period.zone();
            PRIORITIES.forEach(p -> priorities.put(p, 0L));
            PRIORITIES.forEach(p -> sla.put(p, new long[4]));
            LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
            for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                days.put(day, new long[2]);
            }
            for (int rating = 1; rating <= 5; rating++) {
                ratings.put(rating, 0L);
            }
            this.difficulties = new TicketDifficulties(to, bounces);
        }

        void add(Row row) {
            if (within(row.created(), from, to)) {
                openedCount++;
                types.merge(row.type(), 1L, Long::sum);
                systems.merge(row.system(), 1L, Long::sum);
                priorities.merge(row.priority() == null ? NO_PRIORITY : row.priority(), 1L, Long::sum);
                days.get(row.created().atZone(zone).toLocalDate())[0]++;
            }
            if (within(row.closed(), from, to)) {
                closedCount++;
                days.get(row.closed().atZone(zone).toLocalDate())[1]++;
                if (row.rating() != null) {
                    ratings.merge(row.rating(), 1L, Long::sum);
                    ratingCount++;
                    ratingSum += row.rating();
                }
            }
            if (row.openAt(to)) {
                backlog++;
                Duration age = Duration.between(row.created(), to);
                int bucket = 0;
                while (bucket < AGE_LIMITS.length && age.compareTo(AGE_LIMITS[bucket]) >= 0) {
                    bucket++;
                }
                ages[bucket]++;
            }
            if (within(row.firstResponse(), from, to)) {
                firstResponse.add(Duration.between(row.created(), row.firstResponse()).toSeconds());
            }
            if (within(row.resolved(), from, to)) {
                resolution.add(Duration.between(row.created(), row.resolved()).toSeconds());
            }
            if (row.priority() != null) {
                long[] c = sla.computeIfAbsent(row.priority(), p -> new long[4]);
                if (within(row.firstResponse(), from, to) && row.firstResponseDue() != null) {
                    c[1]++;
                    c[0] += row.firstResponse().isAfter(row.firstResponseDue()) ? 0 : 1;
                }
                if (within(row.resolved(), from, to) && row.resolutionDue() != null) {
                    c[3]++;
                    c[2] += row.resolved().isAfter(row.resolutionDue()) ? 0 : 1;
                }
            }
            difficulties.add(row);
        }

        Figures figures(Quality quality) {
            Volumes volumes = new Volumes(openedCount, closedCount, mostFirst(types), mostFirst(systems), priorities);
            List<DayCount> perDay = days.entrySet().stream()
                    .map(e -> new DayCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            List<Bucket> byAge = new ArrayList<>();
            for (int i = 0; i < AGE_LABELS.length; i++) {
                byAge.add(new Bucket(AGE_LABELS[i], ages[i]));
            }
            List<SlaCompliance> compliance = sla.entrySet().stream()
                    .map(e -> new SlaCompliance(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                    .toList();
            Double average = ratingCount == 0 ? null : Math.round(ratingSum * 100.0 / ratingCount) / 100.0;
            return new Figures(volumes, perDay, new Backlog(backlog, byAge), firstResponse.durations(),
                    resolution.durations(), compliance, quality, new Satisfaction(ratingCount, average, ratings),
                    difficulties.difficulties());
        }

        /** Most first, then by name. */
        private static Map<String, Long> mostFirst(Map<String, Long> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
    }
}
