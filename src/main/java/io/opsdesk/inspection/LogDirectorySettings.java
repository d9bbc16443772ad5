package io.opsdesk.inspection;

import org.springframework.util.unit.DataSize;

/**
 * A log directory of a SERVER target (日志文件是否过多): the files under it that match {@code glob}, counted and
 * summed, against {@code max-files} and {@code max-total-size}. Read on the host OpsDesk runs on.
 */
public class LogDirectorySettings {

    private String path;
    /** Matched against each file's path relative to the directory; {@code **} (default) is every file at any depth, {@code *.log} only those directly in it. */
    private String glob = "**";
    /** More matching files than this is a finding. */
    private int maxFiles = 1000;
    /** Matching files larger than this together is a finding. */
    private DataSize maxTotalSize = DataSize.ofGigabytes(10);

    public LogDirectorySettings() {
    }

    public LogDirectorySettings(String path, String glob, int maxFiles, DataSize maxTotalSize) {
        this.path = path;
        this.glob = glob;
        this.maxFiles = maxFiles;
        this.maxTotalSize = maxTotalSize;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public String getGlob() {
        return glob;
    }

    public void setGlob(String glob) {
        this.glob = glob;
    }

    public int getMaxFiles() {
        return maxFiles;
    }

    public void setMaxFiles(int maxFiles) {
        this.maxFiles = maxFiles;
    }

    public DataSize getMaxTotalSize() {
        return maxTotalSize;
    }

    public void setMaxTotalSize(DataSize maxTotalSize) {
        this.maxTotalSize = maxTotalSize;
    }
}
