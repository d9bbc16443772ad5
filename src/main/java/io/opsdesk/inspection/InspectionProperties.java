package io.opsdesk.inspection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the daily inspection checks ({@code opsdesk.inspection.*}, see docs/operations.md): the
 * configured targets, and unless switched off, OpsDesk itself (its host, database, HTTP health and log).
 */
@ConfigurationProperties("opsdesk.inspection")
public class InspectionProperties {

    private List<InspectionTarget> targets = new ArrayList<>();
    private Self self = new Self();
    /** A check still busy after this is abandoned and FAILED, whatever its own timeouts say. */
    private Duration checkTimeout = Duration.ofSeconds(60);
    /**
     * When the daily-inspection process starts by itself: a Camunda timer cycle, cron ({@code 0 0 9 ? * MON-FRI})
     * or ISO 8601 ({@code R/PT24H}). A cron counts in the time zone of the OpsDesk JVM (docs/operations.md).
     */
    private String schedule = "0 0 9 ? * MON-FRI";
    /** The "customer" of tickets the inspection opens: the support team itself. */
    private String reporterName = "OpsDesk inspection";
    private String reporterEmail = "support@opsdesk.example";
    private String reporterLocale = "zh-CN";

    public List<InspectionTarget> getTargets() {
        return targets;
    }

    public void setTargets(List<InspectionTarget> targets) {
        this.targets = targets;
    }

    public String getSchedule() {
        return schedule;
    }

    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    public String getReporterName() {
        return reporterName;
    }

    public void setReporterName(String reporterName) {
        this.reporterName = reporterName;
    }

    public String getReporterEmail() {
        return reporterEmail;
    }

    public void setReporterEmail(String reporterEmail) {
        this.reporterEmail = reporterEmail;
    }

    public String getReporterLocale() {
        return reporterLocale;
    }

    public void setReporterLocale(String reporterLocale) {
        this.reporterLocale = reporterLocale;
    }

    public Self getSelf() {
        return self;
    }

    public void setSelf(Self self) {
        this.self = self;
    }

    public Duration getCheckTimeout() {
        return checkTimeout;
    }

    public void setCheckTimeout(Duration checkTimeout) {
        this.checkTimeout = checkTimeout;
    }

    /** The targets that check OpsDesk itself ({@code opsdesk-host}, {@code -database}, {@code -http}, {@code -log}). */
    public static class Self {

        private boolean enabled = true;
        /** Limits for OpsDesk's host; without disks, the disk of {@code opsdesk.data-dir}. */
        private ServerSettings server = new ServerSettings();
        /** OpsDesk's database and its health endpoint answering slower than this is a warning. */
        private Duration maxLatency = Duration.ofSeconds(2);

        public Duration getMaxLatency() {
            return maxLatency;
        }

        public void setMaxLatency(Duration maxLatency) {
            this.maxLatency = maxLatency;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public ServerSettings getServer() {
            return server;
        }

        public void setServer(ServerSettings server) {
            this.server = server;
        }
    }
}
