package io.opsdesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.opsdesk.report.OperationsReport.Durations;

/**
 * A report as CSV (RFC 4180): one figure per row, {@code section,item,measure,value}, so a spreadsheet pivots it
 * as it likes. Durations are in seconds, percentages with one decimal, empty where there is nothing to count.
 */
final class ReportCsv {

    private final List<String> lines = new ArrayList<>();

    private ReportCsv() {
        row("section", "item", "measure", "value");
    }

    static String of(StoredReport stored) {
        OperationsReport r = stored.report();
        ReportCsv csv = new ReportCsv();
        csv.row("report", String.valueOf(stored.id()), "kind", r.period().kind());
        csv.row("report", String.valueOf(stored.id()), "from", r.period().from());
        csv.row("report", String.valueOf(stored.id()), "to", r.period().to());
        csv.row("report", String.valueOf(stored.id()), "zone", r.period().zone());
        r.warnings().forEach(warning -> csv.row("warning", warning.kind(), "en", warning.en()));
        csv.row("volume", "all", "opened", r.volumes().opened());
        csv.row("volume", "all", "closed", r.volumes().closed());
        csv.counts("volume_by_type", "opened", r.volumes().byType());
        csv.counts("volume_by_system", "opened", r.volumes().bySystem());
        csv.counts("volume_by_priority", "opened", r.volumes().byPriority());
        r.openedVsClosed().forEach(d -> {
            csv.row("per_day", d.day().toString(), "opened", d.opened());
            csv.row("per_day", d.day().toString(), "closed", d.closed());
        });
        csv.row("backlog", "all", "open", r.backlog().open());
        r.backlog().byAge().forEach(b -> csv.row("backlog_by_age", b.label(), "open", b.count()));
        csv.durations("first_response", r.firstResponse());
        csv.durations("resolution", r.resolution());
        r.slaCompliance().forEach(s -> {
            csv.row("sla", s.priority(), "first_response_met", s.firstResponseMet());
            csv.row("sla", s.priority(), "first_response_total", s.firstResponseTotal());
            csv.row("sla", s.priority(), "first_response_percent", s.firstResponsePercent());
            csv.row("sla", s.priority(), "resolution_met", s.resolutionMet());
            csv.row("sla", s.priority(), "resolution_total", s.resolutionTotal());
            csv.row("sla", s.priority(), "resolution_percent", s.resolutionPercent());
        });
        csv.row("quality", "deliveries", "accepted", r.quality().deliveriesAccepted());
        csv.row("quality", "deliveries", "rejected", r.quality().deliveriesRejected());
        csv.row("quality", "deliveries", "reopen_percent", r.quality().reopenPercent());
        csv.row("quality", "verifications", "passed", r.quality().verificationsPassed());
        csv.row("quality", "verifications", "failed", r.quality().verificationsFailed());
        csv.row("quality", "verifications", "failed_percent", r.quality().failedVerificationPercent());
        csv.row("satisfaction", "all", "rated", r.satisfaction().rated());
        csv.row("satisfaction", "all", "average", r.satisfaction().average());
        r.satisfaction().distribution().forEach((rating, count) -> csv.row("satisfaction", "rating " + rating, "tickets", count));
        r.hotSpots().forEach(h -> {
            String item = h.target() + ": " + h.title();
            csv.row("hot_spot", item, "occurrences", h.occurrences());
            csv.row("hot_spot", item, "runs", h.runs());
            csv.row("hot_spot", item, "ticket", h.ticketKey());
        });
        r.health().forEach(t -> {
            csv.row("health", t.target(), "checks", t.checks());
            csv.row("health", t.target(), "ok", t.ok());
            csv.row("health", t.target(), "warning", t.warning());
            csv.row("health", t.target(), "failed", t.failed());
            csv.row("health", t.target(), "availability_percent", t.availabilityPercent());
            csv.row("health", t.target(), "average_latency_ms", t.averageLatencyMs());
        });
        r.difficulties().overdue().forEach(t -> csv.row("overdue", t.key(), "seconds_overdue", t.figure()));
        r.difficulties().mostBounced().forEach(t -> csv.row("most_bounced", t.key(), "bounces", t.figure()));
        r.difficulties().oldestOpen().forEach(t -> csv.row("oldest_open", t.key(), "age_seconds", t.figure()));
        if (r.releases() != null) {
            csv.row("releases", "all", "delivered", r.releases().delivered());
            csv.row("releases", "all", "rolled_back", r.releases().rolledBack());
            csv.row("releases", "all", "rejected", r.releases().rejected());
            csv.row("releases", "all", "tickets_delivered", r.releases().ticketsDelivered());
            r.releases().list().forEach(release -> {
                String item = release.key() + " " + release.version();
                csv.row("release", item, "status", release.status());
                csv.row("release", item, "finished", release.finishedAt());
                csv.row("release", item, "tickets", release.tickets());
                csv.row("release", item, "tickets_delivered", release.ticketsDelivered());
            });
        }
        r.problems().forEach(p -> csv.row("problem", p.key() + " " + p.title(), "tickets_linked", p.ticketsLinked()));
        r.steps().forEach(s -> {
            String item = s.process() + "/" + s.activityId();
            csv.row("step", item, "count", s.count());
            csv.row("step", item, "median_seconds", s.medianSeconds());
            csv.row("step", item, "p90_seconds", s.p90Seconds());
            csv.row("step", item, "total_seconds", s.totalSeconds());
        });
        if (r.people() != null) {
            r.people().persons().forEach(line -> csv.people("person", line));
            r.people().groups().forEach(line -> csv.people("group", line));
        }
        return String.join("\r\n", csv.lines) + "\r\n";
    }

    private void counts(String section, String measure, Map<String, Long> counts) {
        counts.forEach((item, count) -> row(section, item, measure, count));
    }

    /** A person's or group's figures: only in the CSV of a reader who may see them ({@link PeopleVisibility}). */
    private void people(String section, PeopleReport.Line line) {
        row(section, line.name(), "tasks_completed", line.tasksCompleted());
        row(section, line.name(), "median_handling_seconds", line.medianHandlingSeconds());
        row(section, line.name(), "p90_handling_seconds", line.p90HandlingSeconds());
        row(section, line.name(), "sla_met", line.slaMet());
        row(section, line.name(), "sla_total", line.slaTotal());
        row(section, line.name(), "sla_percent", line.slaPercent());
        row(section, line.name(), "failed_verifications", line.failedVerifications());
        row(section, line.name(), "reopened_deliveries", line.reopenedDeliveries());
        row(section, line.name(), "rated", line.rated());
        row(section, line.name(), "average_rating", line.averageRating());
    }

    private void durations(String section, Durations d) {
        row(section, "all", "count", d.count());
        row(section, "all", "median_seconds", d.medianSeconds());
        row(section, "all", "p90_seconds", d.p90Seconds());
    }

    private void row(String section, String item, String measure, Object value) {
        lines.add(String.join(",", quote(section), quote(item), quote(measure), quote(value == null ? "" : value.toString())));
    }

    /** Quotes a field that holds a comma, quote or line break; a leading =, +, - or @ cannot start a formula. */
    static String quote(String field) {
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 && !field.matches("-?\\d+(\\.\\d+)?")
                ? "'" + field : field;
        boolean quoted = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quoted ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
