package io.opsdesk.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import io.opsdesk.notification.StaffNotifier;
import io.opsdesk.engine.EngineTime;

/** Mails a stored report to the recipients' group: the page's content, with every chart inline. */
@Service
class ReportMailer {

    private final ReportService reports;
    private final ReportRepository repository;
    private final ReportCharts charts;
    private final TemplateEngine templates;
    private final StaffNotifier staff;
    private final ReportProperties properties;
    private final String publicUrl;

    ReportMailer(ReportService reports, ReportRepository repository, ReportCharts charts, TemplateEngine templates,
                 StaffNotifier staff, ReportProperties properties, @Value("${opsdesk.public-url}") String publicUrl) {
        this.reports = reports;
        this.repository = repository;
        this.charts = charts;
        this.templates = templates;
        this.staff = staff;
        this.properties = properties;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    void mail(long id) {
        StoredReport stored = PeopleVisibility.shownToGroup(
                reports.find(id).orElseThrow(() -> new IllegalStateException("no operations report " + id)),
                properties.recipientsGroup());
        Context context = new Context(Locale.ENGLISH, ReportPage.model(stored, true));
        context.setVariable("pageUrl", publicUrl + "/reports/" + id);
        String html = templates.process("report/report", context);
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (ReportChart chart : ReportChart.values()) {
            images.put(chart.fileName(), charts.png(stored.report(), chart));
        }
        ReportFormat format = new ReportFormat(java.time.ZoneId.of(stored.report().period().zone()));
        String subject = "OpsDesk operations report " + id + ": " + format.since(stored.report().period().from())
                + " – " + format.until(stored.report().period().to());
        List<String> recipients = staff.mailGroup(properties.recipientsGroup(), subject, html, images);
        repository.markMailed(id, EngineTime.now(), String.join(", ", recipients));
    }
}
