package io.opsdesk.report;

import java.util.Arrays;
import java.util.Optional;

/** The charts of an operations report; {@code name} is their file name in URLs and the mail's content ids. */
public enum ReportChart {
    OPENED_VS_CLOSED("opened-vs-closed", "Tickets opened and closed per day"),
    VOLUME_BY_TYPE("volume-by-type", "Tickets opened by type"),
    BACKLOG_AGE("backlog-age", "Open tickets at the end of the period by age"),
    SLA_COMPLIANCE("sla-compliance", "SLA met per priority (%)"),
    HOT_SPOTS("hot-spots", "Exception hot spots (occurrences)"),
    TARGET_HEALTH("target-health", "Inspection results per target"),
    STEP_TIMES("step-times", "Median time per process step (hours)");

    private final String fileName;
    private final String title;

    ReportChart(String fileName, String title) {
        this.fileName = fileName;
        this.title = title;
    }

    public String fileName() {
        return fileName;
    }

    public String title() {
        return title;
    }

    public static Optional<ReportChart> byFileName(String name) {
        return Arrays.stream(values()).filter(c -> c.fileName.equals(name)).findFirst();
    }
}
