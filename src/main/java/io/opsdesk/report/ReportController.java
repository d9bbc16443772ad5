package io.opsdesk.report;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.report.OperationsReportProcess.Variables;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.web.ApiException;

/**
 * Operations reports over HTTP for managers and supervisors: ask for one (it runs the report process, which also
 * mails it), list them, and read one as JSON or CSV.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    static final String CSV = "text/csv";

    /** {@code POST /api/reports}: the period as in Tasklist's start form. */
    record ReportRequest(String period, String firstDay, String lastDay) {
    }

    /** A report in a list: what it covers and where it is. */
    record ReportSummary(long id, ReportPeriod.Kind kind, Instant from, Instant to, Instant compiledAt,
                         String triggeredBy, Instant mailedAt, String page, String json, String csv) {

        static ReportSummary of(StoredReport stored) {
            OperationsReport.Period period = stored.report().period();
            return new ReportSummary(stored.id(), period.kind(), period.from(), period.to(), period.compiledAt(),
                    stored.triggeredBy(), stored.mailedAt(), "/reports/" + stored.id(), "/api/reports/" + stored.id(),
                    "/api/reports/" + stored.id() + "/csv");
        }
    }

    private final ReportService reports;
    private final RuntimeService runtime;
    private final ReportProperties properties;

    ReportController(ReportService reports, RuntimeService runtime, ReportProperties properties) {
        this.reports = reports;
        this.runtime = runtime;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportSummary> request(@RequestBody(required = false) ReportRequest request, Authentication user) {
        ReportRequest given = request == null ? new ReportRequest(null, null, null) : request;
        try {
            PeriodRequest.parse(given.period(), given.firstDay(), given.lastDay(), EngineTime.now(), properties.zone());
        } catch (InvalidPeriodException e) {
            throw ApiException.invalid(field(e.field()), e.getMessage());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.PERIOD, given.period() == null ? ReportPeriod.Kind.LAST_7_DAYS.name() : given.period());
        variables.put(Variables.FIRST_DAY, given.firstDay());
        variables.put(Variables.LAST_DAY, given.lastDay());
        variables.put(Variables.INITIATOR, user.getName());
        long id = ((Number) runtime.createProcessInstanceByKey(OperationsReportProcess.KEY).setVariables(variables)
                .executeWithVariablesInReturn().getVariables().get(Variables.REPORT_ID)).longValue();
        StoredReport stored = reports.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/reports/" + id)).body(ReportSummary.of(stored));
    }

    @GetMapping
    List<ReportSummary> list() {
        return reports.latest(100).stream().map(ReportSummary::of).toList();
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    OperationsReport json(@PathVariable long id, Authentication reader) {
        return PeopleVisibility.shownTo(find(id), reader).report();
    }

    @GetMapping(path = "/{id}/csv", produces = CSV)
    ResponseEntity<String> csv(@PathVariable long id, Authentication reader) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"operations-report-" + id + ".csv\"")
                .body(ReportCsv.of(PeopleVisibility.shownTo(find(id), reader)));
    }

    private StoredReport find(long id) {
        return reports.find(id).orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, null,
                "there is no operations report " + id));
    }

    /** The JSON field of a process variable. */
    private static String field(String variable) {
        return switch (variable) {
            case Variables.FIRST_DAY -> "firstDay";
            case Variables.LAST_DAY -> "lastDay";
            default -> "period";
        };
    }
}
