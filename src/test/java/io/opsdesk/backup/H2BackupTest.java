package io.opsdesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An online backup of OpsDesk's H2 database (its real schema, by Flyway) taken while the database is open, restored
 * the way docs/operations.md says (unzip into an empty data directory), has the tickets of its moment; the oldest
 * backups beyond {@code keep} are deleted.
 */
class H2BackupTest {

    @TempDir
    Path dataDir;
    @TempDir
    Path restoredDir;

    @Test
    void aBackupRestoredIntoAFreshDirectoryHasTheTicketsOfItsMoment() throws IOException {
        String url = "jdbc:h2:file:" + dataDir.resolve("opsdesk") + ";WRITE_DELAY=0";
        JdbcClient live = JdbcClient.create(dataSource(url));
        Flyway.configure().dataSource(url, "sa", "").load().migrate();
        Path backups = dataDir.resolve("backups");

        insertTicket(live, "OPS-900001");
        insertTicket(live, "OPS-900002");
        Path first = backupAt(live, url, backups, "2026-12-01T02:00:00Z").orElseThrow();
        insertTicket(live, "OPS-900003");
        Path second = backupAt(live, url, backups, "2026-12-02T02:00:00Z").orElseThrow();

        assertThat(first.getFileName().toString()).isEqualTo("opsdesk-20261201-020000.zip");
        assertThat(restoredTickets(first, restoredDir.resolve("first"))).containsExactly("OPS-900001", "OPS-900002");
        assertThat(restoredTickets(second, restoredDir.resolve("second"))).containsExactly("OPS-900001", "OPS-900002", "OPS-900003");
    }

    @Test
    void keepsTheNewestBackupsOnly() throws IOException {
        String url = "jdbc:h2:file:" + dataDir.resolve("opsdesk");
        JdbcClient live = JdbcClient.create(dataSource(url));
        Path backups = dataDir.resolve("backups");
        for (String day : List.of("01", "02", "03", "04")) {
            new H2Backup(live, url, backups, 2, Clock.fixed(Instant.parse("2026-12-" + day + "T02:00:00Z"), ZoneOffset.UTC)).backup();
        }
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("opsdesk-20261203-020000.zip", "opsdesk-20261204-020000.zip");
        }
    }

    @Test
    void doesNothingForADatabaseThatIsNotAnH2File() {
        String url = "jdbc:h2:mem:backup-test";
        assertThat(new H2Backup(JdbcClient.create(dataSource(url)), url, dataDir, 7, Clock.systemUTC()).backup()).isEmpty();
        assertThat(dataDir).isEmptyDirectory();
    }

    private static java.util.Optional<Path> backupAt(JdbcClient live, String url, Path backups, String instant) {
        return new H2Backup(live, url, backups, 7, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).backup();
    }

    /** Restores as an operator would: unzip into an empty data directory, open the database there. */
    private static List<String> restoredTickets(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Files.copy(in, dir.resolve(entry.getName()));
            }
        }
        String url = "jdbc:h2:file:" + dir.resolve("opsdesk");
        return JdbcClient.create(dataSource(url)).sql("select ticket_key from ticket order by ticket_key").query(String.class).list();
    }

    private static void insertTicket(JdbcClient jdbc, String key) {
        jdbc.sql("""
                insert into ticket (ticket_key, type, title, description, affected_system, impact, urgency, status, source,
                    customer_name, customer_email, customer_locale, tracking_token_hash, created_at, updated_at)
                values (:key, 'FAULT', 'Backup', 'kept', 'billing', 'LOW', 'LOW', 'NEW', 'API',
                    'Li Wei', 'li.wei@example.com', 'en', 'hash', current_timestamp, current_timestamp)""")
                .param("key", key).update();
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        return dataSource;
    }
}
