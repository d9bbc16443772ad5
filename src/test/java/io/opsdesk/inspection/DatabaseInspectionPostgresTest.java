package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;

/**
 * The built-in checks of a DATABASE target on the real PostgreSQL server of {@code OPSDESK_TEST_POSTGRES_URL}
 * ({@code .ci/run} starts one): a session holding a row lock and one waiting for it, long transactions, size and
 * connection limits. Works in a schema of its own and removes it.
 */
@Needs(Prerequisite.POSTGRESQL)
class DatabaseInspectionPostgresTest {

    private static final String SCHEMA = "inspection_locks";

    private final DatabaseCheck check = new DatabaseCheck(new DefaultListableBeanFactory().getBeanProvider(DataSource.class));
    private final String url = System.getenv("OPSDESK_TEST_POSTGRES_URL");
    private final String user = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_USER", "opsdesk");
    private final String password = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_PASSWORD", "opsdesk");

    @BeforeEach
    void createTable() throws SQLException {
        execute("drop schema if exists " + SCHEMA + " cascade; create schema " + SCHEMA
                + "; create table " + SCHEMA + ".stock (id int primary key, v int); insert into " + SCHEMA + ".stock values (1, 0)");
    }

    @AfterEach
    void dropTable() throws SQLException {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void aSessionBlockedByAnotherIsAFindingNamingBothPidsAndTheWait() throws Exception {
        InspectionTarget target = target();
        target.getDatabase().setMaxLockWait(Duration.ZERO);
        target.getDatabase().setMaxTransactionAge(Duration.ZERO);

        try (LockScenario lock = new LockScenario(url, user, password, SCHEMA + ".stock", "select pg_backend_pid()")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> waitsForALock(lock.waiterId));
            CheckResult result = check.check(target);

            assertThat(lock.waiterStillWaits()).isTrue();
            assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(result.findings()).filteredOn(f -> f.fingerprint().equals(Finding.fingerprint(target, "lock:" + lock.holderId)))
                    .singleElement().satisfies(finding -> {
                        assertThat(finding.title()).matches("stock-pg：会话 " + lock.holderId + " 阻塞 1 个会话，最长等待 \\d+ s / session "
                                + lock.holderId + " blocks 1 session\\(s\\), longest wait \\d+ s \\(maximum 0 s\\)");
                        assertThat(finding.evidence()).contains("Blocking session " + lock.holderId + " (" + user + "): idle in transaction: update",
                                "Session " + lock.waiterId + " (" + user + ") waits ", " for session " + lock.holderId + ": update " + SCHEMA);
                    });
            // both hold a transaction open: the holder idle in it, the waiter in its update
            assertThat(result.findings()).extracting(Finding::fingerprint).contains(
                    Finding.fingerprint(target, "transaction:" + lock.holderId), Finding.fingerprint(target, "transaction:" + lock.waiterId));
            assertThat(result.findings()).filteredOn(f -> f.fingerprint().equals(Finding.fingerprint(target, "transaction:" + lock.holderId)))
                    .singleElement().satisfies(finding -> assertThat(finding.evidence()).contains("state idle in transaction", "since 20"));
        }

        CheckResult afterwards = check.check(target());
        assertThat(afterwards.findings()).extracting(Finding::title).noneMatch(title -> title.contains("阻塞"));
        assertThat(afterwards.message()).contains("0 blocked session(s)", "0 transaction(s) open over 10 min");
    }

    @Test
    void sizeAndConnectionsAboveTheirLimitsAreFindings() {
        InspectionTarget target = target();
        target.getDatabase().setMaxDatabaseSize(DataSize.ofKilobytes(1));
        target.getDatabase().setMaxConnectionsUsedPercent(0.1);

        CheckResult result = check.check(target);

        String database = url.replaceAll(".*/([^/?]+).*", "$1");
        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.value()).isGreaterThan(1024.0);
        assertThat(result.findings()).extracting(Finding::fingerprint).containsExactlyInAnyOrder(
                Finding.fingerprint(target, "size:" + database), Finding.fingerprint(target, "connections"));
        assertThat(result.findings()).extracting(Finding::title)
                .anySatisfy(title -> assertThat(title).startsWith("stock-pg：" + database + " 大小 ").contains("above 1.0 KB"))
                .anySatisfy(title -> assertThat(title).matches("stock-pg：连接数 \\d+/\\d+（.*） / connections \\d+ of \\d+ \\(.*, maximum 0\\.1 %\\)"));
    }

    @Test
    void withinItsLimitsThePostgresDatabaseIsOk() {
        CheckResult result = check.check(target());

        assertThat(result.status()).as(result.findings().toString()).isEqualTo(CheckStatus.OK);
        assertThat(result.message()).containsPattern("connections \\d+/\\d+");
    }

    private boolean waitsForALock(String pid) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return "Lock".equals(LockScenario.single(connection,
                    "select coalesce(max(wait_event_type), 'none') from pg_stat_activity where pid = " + Integer.parseInt(pid)));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private InspectionTarget target() {
        InspectionTarget target = new InspectionTarget("stock-pg", TargetKind.DATABASE);
        target.getDatabase().setUrl(url);
        target.getDatabase().setUsername(user);
        target.getDatabase().setPassword(password);
        return target;
    }
}
