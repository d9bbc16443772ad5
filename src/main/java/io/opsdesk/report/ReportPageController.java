package io.opsdesk.report;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The report as a page, {@code /reports/{id}}, with its charts drawn on the server. */
@Controller
class ReportPageController {

    private final ReportService reports;
    private final ReportCharts charts;

    ReportPageController(ReportService reports, ReportCharts charts) {
        this.reports = reports;
        this.charts = charts;
    }

    @GetMapping("/reports/{id}")
    String page(@PathVariable long id, Model model, Authentication reader) {
        model.addAllAttributes(ReportPage.model(PeopleVisibility.shownTo(find(id), reader), false));
        return "report/report";
    }

    @GetMapping("/reports/{id}/charts/{name}.png")
    ResponseEntity<byte[]> chart(@PathVariable long id, @PathVariable String name) {
        ReportChart chart = ReportChart.byFileName(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no chart " + name));
        // a stored report never changes, so neither does its chart
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
                .body(charts.png(find(id).report(), chart));
    }

    private StoredReport find(long id) {
        return reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no operations report " + id));
    }
}
