package io.opsdesk.inspection;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * A LOGS target: files read on from where the previous run stopped. Lines matching a pattern, and
 * stack traces, become findings grouped by exception type and normalised message.
 */
public class LogSettings {

    /** Files or globs, e.g. {@code /var/log/billing/*.log} or {@code logs/**}{@code /app.log}. */
    private List<String> paths = new ArrayList<>();
    /** Encoding of the files; any encoding in which a line ends with the byte '\n' (UTF-8, GBK, ISO-8859-1). */
    private Charset charset = StandardCharsets.UTF_8;
    /** Regular expressions (Java, found anywhere in the line) of lines that start an error. */
    private List<String> patterns = new ArrayList<>(List.of("\\bERROR\\b", "^Exception in thread "));
    /** Also treat a stack trace that follows no error line ({@code e.printStackTrace()}) as an error. */
    private boolean stackTraces = true;
    /** Read at most this much per run over all files of the target; the rest is read by the next run. */
    private DataSize maxBytesPerRun = DataSize.ofMegabytes(20);
    /** At most this many findings per run, the most frequent; the rest are counted in the message. */
    private int maxFindings = 50;

    public List<String> getPaths() {
        return paths;
    }

    public void setPaths(List<String> paths) {
        this.paths = paths;
    }

    public Charset getCharset() {
        return charset;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    public List<String> getPatterns() {
        return patterns;
    }

    public void setPatterns(List<String> patterns) {
        this.patterns = patterns;
    }

    public boolean isStackTraces() {
        return stackTraces;
    }

    public void setStackTraces(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    public DataSize getMaxBytesPerRun() {
        return maxBytesPerRun;
    }

    public void setMaxBytesPerRun(DataSize maxBytesPerRun) {
        this.maxBytesPerRun = maxBytesPerRun;
    }

    public int getMaxFindings() {
        return maxFindings;
    }

    public void setMaxFindings(int maxFindings) {
        this.maxFindings = maxFindings;
    }
}
