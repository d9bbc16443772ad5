package io.opsdesk.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Online backups of the H2 database: {@code BACKUP TO '<directory>/opsdesk-<UTC time>.zip'} on a schedule, while
 * OpsDesk runs (H2 copies a consistent state of the file), keeping the newest {@code opsdesk.backup.keep}. Does
 * nothing on PostgreSQL (use pg_dump, docs/operations.md#backup-and-restore-备份与恢复) or an in-memory database.
 */
@Component
public class H2Backup {

    private static final Logger LOG = LoggerFactory.getLogger(H2Backup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final String PREFIX = "opsdesk-";

    private final JdbcClient jdbc;
    private final boolean h2File;
    private final Path directory;
    private final int keep;
    private final Clock clock;
    private final boolean enabled;

    @Autowired
    H2Backup(DataSource dataSource, @Value("${spring.datasource.url}") String url,
             @Value("${opsdesk.backup.directory}") Path directory, @Value("${opsdesk.backup.keep:7}") int keep,
             @Value("${opsdesk.backup.enabled:true}") boolean enabled) {
        this(JdbcClient.create(dataSource), url, directory, keep, Clock.systemUTC(), enabled);
    }

    /** A backup on demand (tests, tools): {@link #backup()} works whatever {@code opsdesk.backup.enabled} says. */
    public H2Backup(JdbcClient jdbc, String url, Path directory, int keep, Clock clock) {
        this(jdbc, url, directory, keep, clock, true);
    }

    private H2Backup(JdbcClient jdbc, String url, Path directory, int keep, Clock clock, boolean enabled) {
        if (keep < 1) {
            throw new IllegalArgumentException("opsdesk.backup.keep must be 1 or more, not " + keep);
        }
        this.jdbc = jdbc;
        this.h2File = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:./") || url.startsWith("jdbc:h2:~");
        this.directory = directory;
        this.keep = keep;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${opsdesk.backup.cron:0 0 2 * * *}")
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            backup();
        } catch (RuntimeException e) {
            // logged as an error, so the inspection's log review turns it into a ticket
            LOG.error("H2 backup to {} failed", directory.toAbsolutePath(), e);
        }
    }

    /** Writes a backup now and deletes the oldest beyond {@code keep}; empty when the database is not an H2 file. */
    public Optional<Path> backup() {
        if (!h2File) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            Path zip = directory.resolve(PREFIX + STAMP.format(clock.instant()) + ".zip").toAbsolutePath();
            // BACKUP TO takes no parameter marker: the path is quoted as an SQL string literal
            jdbc.sql("BACKUP TO '" + zip.toString().replace("'", "''") + "'").update();
            LOG.info("H2 backup written to {} ({} bytes)", zip, Files.size(zip));
            deleteOldest();
            return Optional.of(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteOldest() throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(directory)) {
            // the names sort by time
            backups = files.filter(f -> f.getFileName().toString().startsWith(PREFIX) && f.toString().endsWith(".zip"))
                    .sorted().toList();
        }
        for (Path old : backups.subList(0, Math.max(0, backups.size() - keep))) {
            Files.delete(old);
            LOG.info("Old H2 backup {} deleted (opsdesk.backup.keep={})", old, keep);
        }
    }
}
