package io.opsdesk.inspection;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The log directories of a SERVER target: how many files match and how large they are together. Too many, too large,
 * or a directory that is not there or cannot be read is a WARNING finding ({@code log-dir:<path>:files}, {@code :size},
 * {@code :missing}).
 */
final class LogDirectories {

    private LogDirectories() {
    }

    /** The result with each directory's count and size added to its message, and its findings. */
    static CheckResult addTo(CheckResult result, InspectionTarget target) {
        List<LogDirectorySettings> directories = target.getServer().getLogDirectories();
        if (directories.isEmpty()) {
            return result;
        }
        List<String> measured = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(result.findings());
        for (LogDirectorySettings directory : directories) {
            check(target, directory, measured, findings);
        }
        CheckStatus status = findings.size() > result.findings().size() ? result.status().worst(CheckStatus.WARNING) : result.status();
        String message = (result.message() == null || result.message().isBlank() ? "" : result.message() + ", ") + String.join(", ", measured);
        return new CheckResult(result.target(), result.kind(), status, result.value(), result.latencyMs(), message, findings);
    }

    private static void check(InspectionTarget target, LogDirectorySettings directory, List<String> measured, List<Finding> findings) {
        Path root = Path.of(directory.getPath());
        String name = target.getName() + "：日志目录 " + directory.getPath();
        if (!Files.isDirectory(root)) {
            measured.add("log directory " + directory.getPath() + " missing");
            findings.add(Finding.of(target, "log-dir:" + directory.getPath() + ":missing", name + " 不存在 / log directory "
                    + directory.getPath() + " does not exist", directory.getPath() + " is not a directory on " + host()));
            return;
        }
        long[] countAndBytes = new long[2];
        try {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + directory.getGlob());
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && matcher.matches(root.relativize(file))) {
                        countAndBytes[0]++;
                        countAndBytes[1] += attributes.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // rotated away while walking, or not readable: not counted
                }
            });
        } catch (IOException | RuntimeException e) {
            measured.add("log directory " + directory.getPath() + " unreadable");
            findings.add(Finding.of(target, "log-dir:" + directory.getPath() + ":missing", name + " 无法读取 / log directory "
                    + directory.getPath() + " cannot be read", CheckResult.describe(e)));
            return;
        }
        long count = countAndBytes[0];
        long bytes = countAndBytes[1];
        String text = "log directory %s: %d file(s) matching %s, %s".formatted(directory.getPath(), count, directory.getGlob(), Units.bytes(bytes));
        measured.add(text);
        if (count > directory.getMaxFiles()) {
            findings.add(Finding.of(target, "log-dir:" + directory.getPath() + ":files", name + " 有 " + count + " 个文件（上限 "
                    + directory.getMaxFiles() + "）/ log directory " + directory.getPath() + " holds " + count + " files (maximum "
                    + directory.getMaxFiles() + ")", text));
        }
        long maxBytes = directory.getMaxTotalSize().toBytes();
        if (bytes > maxBytes) {
            findings.add(Finding.of(target, "log-dir:" + directory.getPath() + ":size", name + " 共 " + Units.bytes(bytes) + "（上限 "
                    + Units.bytes(maxBytes) + "）/ log directory " + directory.getPath() + " holds " + Units.bytes(bytes)
                    + " (maximum " + Units.bytes(maxBytes) + ")", text + " (" + bytes + " bytes)"));
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "the host OpsDesk runs on";
        }
    }
}
