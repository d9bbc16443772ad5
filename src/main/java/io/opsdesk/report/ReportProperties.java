package io.opsdesk.report;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opsdesk.report}: when the weekly and monthly reports are compiled (Camunda timer cycles: cron with seconds
 * first, counted in the JVM's time zone, or ISO 8601 {@code R/...}), the zone whose days and weeks they count, and
 * the group they are mailed to.
 */
@ConfigurationProperties("opsdesk.report")
public record ReportProperties(String weeklySchedule, String monthlySchedule, ZoneId zone, String recipientsGroup) {

    public ReportProperties {
        weeklySchedule = require(weeklySchedule, "weekly-schedule");
        monthlySchedule = require(monthlySchedule, "monthly-schedule");
        recipientsGroup = require(recipientsGroup, "recipients-group");
        if (zone == null) {
            throw new IllegalStateException("opsdesk.report.zone is missing: the time zone whose days the report counts");
        }
    }

    private static String require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("opsdesk.report." + name + " is missing");
        }
        return value.strip();
    }
}
