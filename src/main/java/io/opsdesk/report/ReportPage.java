package io.opsdesk.report;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What the report template needs, the same for the page and the mail. */
final class ReportPage {

    private ReportPage() {
    }

    static Map<String, Object> model(StoredReport stored, boolean mail) {
        return Map.of("stored", stored, "id", stored.id(), "mail", mail,
                "fmt", new ReportFormat(ZoneId.of(stored.report().period().zone())),
                "charts", List.of(ReportChart.values()));
    }
}
