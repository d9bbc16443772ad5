package io.opsdesk.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * LOGS targets: reads each file on from where the previous run stopped ({@link LogPositionRepository}),
 * at most {@code max-bytes-per-run} per run, and reports the errors found as grouped findings (WARNING).
 * A file that is another one now (rotated) is read from its start, after the rest of the old file if it
 * is still next to it; a file shorter than the position (truncated) is read from its start. One check at
 * a time per node, so two runs never read the same lines twice.
 */
@Component
class LogCheck implements Check {

    private static final int CHUNK = 64 * 1024;
    /** A line longer than this is cut, so one endless line cannot hold the position forever. */
    private static final int MAX_LINE = 1024 * 1024;

    private final LogPositionRepository positions;

    LogCheck(LogPositionRepository positions) {
        this.positions = positions;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.LOGS;
    }

    @Override
    public synchronized CheckResult check(InspectionTarget target) {
        try {
            return scan(target);
        } catch (Exception e) {
            return CheckResult.failed(target, "unreadable", "the log files could not be read", e);
        }
    }

    private CheckResult scan(InspectionTarget target) throws IOException {
        LogSettings settings = target.getLogs();
        Scan scan = new Scan(target, new LogGrouper(target), settings.getMaxBytesPerRun().toBytes());
        List<Finding> problems = new ArrayList<>();
        for (String pattern : settings.getPaths()) {
            List<Path> files = LogFiles.expand(pattern);
            if (files.isEmpty() || files.size() == 1 && !Files.exists(files.get(0))) {
                problems.add(Finding.of(target, "missing:" + pattern, target.getName() + ": no log file " + pattern,
                        "no readable file matches " + pattern));
                continue;
            }
            for (Path file : files) {
                file(scan, file);
            }
        }
        List<Finding> findings = new ArrayList<>(problems);
        findings.addAll(scan.grouper.findings(settings.getMaxFindings()));
        List<String> message = new ArrayList<>();
        message.add("%d errors in %d groups, %d bytes read from %d files".formatted(
                scan.grouper.errors(), scan.grouper.groupCount(), scan.read, scan.files));
        if (scan.grouper.groupCount() > settings.getMaxFindings()) {
            message.add((scan.grouper.groupCount() - settings.getMaxFindings()) + " less frequent groups left out");
        }
        message.addAll(scan.notes);
        CheckStatus status = findings.isEmpty() ? CheckStatus.OK : CheckStatus.WARNING;
        return new CheckResult(target.getName(), target.getKind(), status, (double) scan.grouper.errors(), null,
                String.join("; ", message), findings);
    }

    private void file(Scan scan, Path file) throws IOException {
        String key = file.toString();
        LogPosition now = LogFiles.current(file);
        Optional<LogPosition> stored = positions.find(scan.target.getName(), key);
        long from = 0;
        if (stored.isPresent() && stored.get().sameFile(now)) {
            from = stored.get().offset();
            if (now.offset() < from) {
                scan.notes.add(key + " was truncated, read from its start");
                from = 0;
            }
        } else if (stored.isPresent() && stored.get().identity().equals(now.identity())) {
            scan.notes.add(key + " was truncated and written anew, read from its start");
        } else if (stored.isPresent()) {
            Optional<Path> old = LogFiles.findRotated(file, stored.get());
            if (old.isPresent()) {
                read(scan, old.get(), stored.get().offset(), true);
                scan.notes.add(key + " was rotated, read the rest of " + old.get().getFileName() + " and the new file");
            } else {
                scan.notes.add(key + " was replaced, read the new file from its start");
            }
        }
        long to = read(scan, file, from, false);
        positions.save(scan.target.getName(), key, new LogPosition(now.identity(), now.headHash(), to));
        if (to < Files.size(file)) {
            scan.notes.add(key + ": " + (Files.size(file) - to) + " bytes left for the next run (max-bytes-per-run)");
        }
    }

    /** Feeds the complete lines from {@code from} on, within the budget, to the grouper; returns the offset after the last. */
    private long read(Scan scan, Path file, long from, boolean toEnd) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long available = Math.min(channel.size() - from, scan.budget);
            if (available <= 0) {
                return from;
            }
            scan.files++;
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, available));
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long position = from;
            long lineStart = from;
            long consumed = from;
            while (position < from + available) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), from + available - position));
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer.get(i);
                    if (b == '\n') {
                        emit(scan, file, line, lineStart);
                        consumed = position + i + 1;
                        lineStart = consumed;
                    } else if (line.size() < MAX_LINE) {
                        line.write(b);
                    }
                }
                position += n;
            }
            boolean wholeChunkIsOneLine = consumed == from && position - from >= MAX_LINE;
            if (line.size() > 0 && (toEnd && position == channel.size() || wholeChunkIsOneLine)) {
                emit(scan, file, line, lineStart);
                consumed = position;
            }
            scan.grouper.endOfFile();
            scan.read += consumed - from;
            scan.budget -= consumed - from;
            return consumed;
        }
    }

    private static void emit(Scan scan, Path file, ByteArrayOutputStream line, long offset) {
        String text = line.toString(scan.target.getLogs().getCharset());
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        scan.grouper.line(text, file.getFileName() + " @ byte " + offset);
        line.reset();
    }

    /** The state of one run over a target's files. */
    private static final class Scan {

        final InspectionTarget target;
        final LogGrouper grouper;
        final List<String> notes = new ArrayList<>();
        long budget;
        long read;
        int files;

        Scan(InspectionTarget target, LogGrouper grouper, long budget) {
            this.target = target;
            this.grouper = grouper;
            this.budget = budget;
        }
    }
}
