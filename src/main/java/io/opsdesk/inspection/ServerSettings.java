package io.opsdesk.inspection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A SERVER target. Without {@code actuator-url} it is the host OpsDesk runs on (disks, memory, load);
 * with it, a remote Spring Boot application whose {@code /health} must be UP and whose metrics stay
 * within their limits.
 */
public class ServerSettings {

    /** Base URL of a remote Actuator, e.g. {@code http://billing:8081/actuator}; unset: the local host. */
    private String actuatorUrl;
    /** Local disks to check, by a path on them; empty: the disk of the working directory. */
    private List<Disk> disks = new ArrayList<>();
    /** Local memory in use (not available to new processes, page cache counts as free) above this is a warning. */
    private double maxMemoryUsedPercent = 90;
    /** Local one-minute load average divided by the number of cores above this is a warning. */
    private double maxLoadPerCore = 2.0;
    /** Remote Actuator metrics and their limits, e.g. {@code system.cpu.usage} max 0.9. */
    private List<Metric> metrics = new ArrayList<>();
    /** Connect and answer time allowed per remote request. */
    private Duration timeout = Duration.ofSeconds(10);
    /** Log directories whose files are counted and summed (on the host OpsDesk runs on, for remote targets too). */
    private List<LogDirectorySettings> logDirectories = new ArrayList<>();

    public String getActuatorUrl() {
        return actuatorUrl;
    }

    public void setActuatorUrl(String actuatorUrl) {
        this.actuatorUrl = actuatorUrl;
    }

    public boolean isRemote() {
        return actuatorUrl != null && !actuatorUrl.isBlank();
    }

    public List<Disk> getDisks() {
        return disks;
    }

    public void setDisks(List<Disk> disks) {
        this.disks = disks;
    }

    public double getMaxMemoryUsedPercent() {
        return maxMemoryUsedPercent;
    }

    public void setMaxMemoryUsedPercent(double maxMemoryUsedPercent) {
        this.maxMemoryUsedPercent = maxMemoryUsedPercent;
    }

    public double getMaxLoadPerCore() {
        return maxLoadPerCore;
    }

    public void setMaxLoadPerCore(double maxLoadPerCore) {
        this.maxLoadPerCore = maxLoadPerCore;
    }

    public List<Metric> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<Metric> metrics) {
        this.metrics = metrics;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public List<LogDirectorySettings> getLogDirectories() {
        return logDirectories;
    }

    public void setLogDirectories(List<LogDirectorySettings> logDirectories) {
        this.logDirectories = logDirectories;
    }

    /** A local disk, named by any path on it. */
    public static class Disk {

        private String path;
        /** Less free space than this (percent of the disk) is a warning. */
        private double minFreePercent = 10;

        public Disk() {
        }

        public Disk(String path, double minFreePercent) {
            this.path = path;
            this.minFreePercent = minFreePercent;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }

        public double getMinFreePercent() {
            return minFreePercent;
        }

        public void setMinFreePercent(double minFreePercent) {
            this.minFreePercent = minFreePercent;
        }
    }

    /** A remote Actuator metric ({@code <actuator-url>/metrics/<name>}, its VALUE, COUNT or TOTAL) and its limits. */
    public static class Metric {

        private String name;
        /** A value below this is a warning, e.g. {@code disk.free} in bytes. */
        private Double min;
        /** A value above this is a warning, e.g. {@code system.cpu.usage} 0.9. */
        private Double max;

        public Metric() {
        }

        public Metric(String name, Double min, Double max) {
            this.name = name;
            this.min = min;
            this.max = max;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Double getMin() {
            return min;
        }

        public void setMin(Double min) {
            this.min = min;
        }

        public Double getMax() {
            return max;
        }

        public void setMax(Double max) {
            this.max = max;
        }
    }
}
