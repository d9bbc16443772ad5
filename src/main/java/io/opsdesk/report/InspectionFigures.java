package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.report.OperationsReport.HotSpot;
import io.opsdesk.report.OperationsReport.TargetHealth;

/**
 * Exception hot spots and the health of each target over the period, from the daily inspection's results
 * ({@code inspection_result}, whose findings are stored as JSON) and the tickets opened for the findings.
 */
@Component
class InspectionFigures {

    static final int MAX_HOT_SPOTS = 50;

    private record Result(long runId, String target, String kind, String status, Long latencyMs, String message,
                          String findings, Instant checkedAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    InspectionFigures(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<HotSpot> hotSpots(ReportPeriod period) {
        Map<String, HotSpotSum> sums = new LinkedHashMap<>();
        for (Result result : results(period)) {
            for (JsonNode finding : parse(result.findings())) {
                String fingerprint = finding.path("fingerprint").asText();
                HotSpotSum sum = sums.computeIfAbsent(fingerprint, f -> new HotSpotSum(f, result.target()));
                sum.add(result, finding.path("title").asText(), finding.path("count").asLong(1));
            }
        }
        return sums.values().stream()
                .sorted(Comparator.comparingLong(HotSpotSum::occurrences).reversed()
                        .thenComparing(HotSpotSum::lastSeen, Comparator.reverseOrder())
                        .thenComparing(HotSpotSum::fingerprint))
                .limit(MAX_HOT_SPOTS)
                .map(this::hotSpot)
                .toList();
    }

    List<TargetHealth> health(ReportPeriod period) {
        Map<String, List<Result>> byTarget = new TreeMap<>();
        results(period).forEach(r -> byTarget.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(r));
        return byTarget.values().stream().map(InspectionFigures::health).toList();
    }

    private static TargetHealth health(List<Result> results) {
        Result last = results.get(results.size() - 1);
        long ok = results.stream().filter(r -> r.status().equals("OK")).count();
        long warning = results.stream().filter(r -> r.status().equals("WARNING")).count();
        long failed = results.stream().filter(r -> r.status().equals("FAILED")).count();
        List<Long> latencies = results.stream().map(Result::latencyMs).filter(l -> l != null).toList();
        Long average = latencies.isEmpty() ? null
                : Math.round(latencies.stream().mapToLong(Long::longValue).average().orElseThrow());
        return new TargetHealth(last.target(), last.kind(), results.size(), ok, warning, failed, average,
                last.status(), last.message());
    }

    private HotSpot hotSpot(HotSpotSum sum) {
        Map<String, Object> ticket = jdbc.sql("""
                select ticket_key, status from ticket where finding_fingerprint = :fingerprint order by id desc""")
                .param("fingerprint", sum.fingerprint)
                .query((rs, n) -> Map.<String, Object>of("key", rs.getString("ticket_key"), "status", rs.getString("status")))
                .list().stream().findFirst().orElse(Map.of());
        return new HotSpot(sum.fingerprint, sum.target, sum.title, sum.occurrences, sum.runs.size(), sum.lastSeen,
                (String) ticket.get("key"), (String) ticket.get("status"));
    }

    /** The results checked in the period, oldest first. */
    private List<Result> results(ReportPeriod period) {
        return jdbc.sql("""
                select run_id, target_name, kind, status, latency_ms, message, findings, checked_at from inspection_result
                where checked_at >= :from and checked_at < :to order by checked_at, id""")
                .param("from", timestamp(period.from())).param("to", timestamp(period.to()))
                .query((rs, n) -> new Result(rs.getLong("run_id"), rs.getString("target_name"), rs.getString("kind"),
                        rs.getString("status"), rs.getObject("latency_ms", Long.class), rs.getString("message"),
                        rs.getString("findings"), instant(rs, "checked_at")))
                .list();
    }

    private Iterable<JsonNode> parse(String findings) {
        try {
            return json.readTree(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored inspection findings are not valid JSON: " + findings, e);
        }
    }

    /** A finding summed over the period's results. */
    private static final class HotSpotSum {
        private final String fingerprint;
        private final String target;
        private final java.util.Set<Long> runs = new java.util.HashSet<>();
        private String title;
        private long occurrences;
        private Instant lastSeen;

        HotSpotSum(String fingerprint, String target) {
            this.fingerprint = fingerprint;
            this.target = target;
        }

        void add(Result result, String title, long count) {
            this.title = title;
            occurrences += count;
            runs.add(result.runId());
            lastSeen = result.checkedAt();
        }

        long occurrences() {
            return occurrences;
        }

        Instant lastSeen() {
            return lastSeen;
        }

        String fingerprint() {
            return fingerprint;
        }
    }
}
