package io.opsdesk.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finding log files by glob, and telling one file from another at the same path. */
final class LogFiles {

    private static final int HEAD_BYTES = 1024;
    private static final int MAX_SIBLINGS = 500;

    private LogFiles() {
    }

    /** The regular files a path or glob names, sorted; a plain path is returned even if it does not exist. */
    static List<Path> expand(String pattern) throws IOException {
        Path absolute = Path.of(pattern).toAbsolutePath().normalize();
        if (!hasGlob(pattern)) {
            return List.of(absolute);
        }
        Path base = absolute.getRoot();
        int fixed = 0;
        for (Path part : absolute) {
            if (hasGlob(part.toString())) {
                break;
            }
            base = base.resolve(part);
            fixed++;
        }
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : absolute.getNameCount() - fixed;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> files = Files.walk(base, depth)) {
            return files.filter(matcher::matches).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean hasGlob(String text) {
        return text.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** Identity and first-line hash of a file now; its offset is its size. */
    static LogPosition current(Path file) throws IOException {
        return new LogPosition(identity(file), headHash(file), Files.size(file));
    }

    /** {@code ino:<device>:<inode>} where the file system has them, else {@code created:<creation time>}. */
    static String identity(Path file) throws IOException {
        try {
            Object inode = Files.getAttribute(file, "unix:ino");
            Object device = Files.getAttribute(file, "unix:dev");
            return "ino:" + device + ":" + inode;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "created:" + Files.readAttributes(file, BasicFileAttributes.class).creationTime();
        }
    }

    /** Hash of the first line (or of the first 1 KB when the line is longer); empty while the file has no complete first line. */
    static String headHash(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        int end = -1;
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < 0 && head.length < HEAD_BYTES) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(head, 0, end < 0 ? head.length : end);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file a position was taken in, if it is still in the same directory under another name (rotated: app.log → app.log.1). */
    static Optional<Path> findRotated(Path file, LogPosition stored) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(dir)) {
            siblings.filter(p -> !p.equals(file)).filter(Files::isRegularFile).limit(MAX_SIBLINGS).forEach(candidates::add);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (Path candidate : candidates) {
            try {
                // an inode is proof; a creation time alone is not, it needs the first line too
                boolean provable = stored.identity().startsWith("ino:") || !stored.headHash().isEmpty();
                if (provable && stored.sameFile(current(candidate))) {
                    return Optional.of(candidate);
                }
            } catch (IOException e) {
                // gone meanwhile, or unreadable: not the one
            }
        }
        return Optional.empty();
    }
}
