package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.util.unit.DataSize;

/**
 * The built-in checks of a DATABASE target on a real H2 file database: a session that holds a row lock and one
 * waiting for it, a long transaction, size and connection limits, a user who may not see other sessions, and a
 * dialect whose views the database does not have.
 */
class DatabaseInspectionH2Test {

    private final DatabaseCheck check = new DatabaseCheck(new DefaultListableBeanFactory().getBeanProvider(DataSource.class));
    private String url;

    @TempDir
    Path dir;

    @BeforeEach
    void createDatabase() throws SQLException {
        url = "jdbc:h2:" + dir.resolve("stock") + ";LOCK_TIMEOUT=30000";
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("create table stock (id int primary key, v int)");
            statement.execute("insert into stock values (1, 0)");
            statement.execute("create user watcher password 'watcher'");
        }
    }

    @Test
    void aSessionBlockedByAnotherIsAFindingNamingBothSessionsAndTheWait() throws Exception {
        InspectionTarget target = target();
        target.getDatabase().setMaxLockWait(Duration.ZERO);
        target.getDatabase().setMaxTransactionAge(Duration.ZERO);

        try (LockScenario lock = new LockScenario(url, "sa", "", "stock", "select session_id()")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> blocked(lock.waiterId));
            CheckResult result = check.check(target);

            assertThat(lock.waiterStillWaits()).isTrue();
            assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(result.findings()).filteredOn(f -> f.fingerprint().equals(Finding.fingerprint(target, "lock:" + lock.holderId)))
                    .singleElement().satisfies(finding -> {
                        assertThat(finding.title()).matches("stock-db：会话 " + lock.holderId + " 阻塞 1 个会话，最长等待 \\d+ s / session "
                                + lock.holderId + " blocks 1 session\\(s\\), longest wait \\d+ s \\(maximum 0 s\\)");
                        assertThat(finding.evidence()).contains("Blocking session " + lock.holderId + " (SA)",
                                "Session " + lock.waiterId + " (SA) waits ", " for session " + lock.holderId + ": update stock set v = v + 10");
                    });
            assertThat(result.findings()).filteredOn(f -> f.fingerprint().equals(Finding.fingerprint(target, "transaction:" + lock.holderId)))
                    .singleElement().satisfies(finding -> assertThat(finding.title())
                            .startsWith("stock-db：会话 " + lock.holderId + " 的事务已持续 ").contains(" / session " + lock.holderId + " has had a transaction open for "));
            assertThat(result.message()).contains("1 blocked session(s)", "1 transaction(s) open over 0 s");
        }

        InspectionTarget defaults = target();
        CheckResult afterwards = check.check(defaults);
        assertThat(afterwards.status()).as(afterwards.findings().toString()).isEqualTo(CheckStatus.OK);
        assertThat(afterwards.message()).contains("0 blocked session(s)", "0 transaction(s) open over 10 min", "database file ", "connections ");
    }

    @Test
    void aLockWaitShorterThanItsMaximumIsNoFinding() throws Exception {
        try (LockScenario lock = new LockScenario(url, "sa", "", "stock", "select session_id()")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> blocked(lock.waiterId));

            CheckResult result = check.check(target());

            assertThat(result.findings()).isEmpty();
            assertThat(result.message()).contains("1 blocked session(s)", "0 transaction(s) open over 10 min");
        }
    }

    @Test
    void sizeAndConnectionsAboveTheirLimitsAreFindings() {
        InspectionTarget target = target();
        target.getDatabase().setMaxDatabaseSize(DataSize.ofBytes(1024));
        target.getDatabase().setMaxConnections(1);
        target.getDatabase().setMaxConnectionsUsedPercent(50);

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.value()).isGreaterThan(1024.0);
        assertThat(result.findings()).extracting(Finding::title).anySatisfy(title -> assertThat(title)
                .matches("stock-db：database file 大小 [0-9.]+ KB，超过上限 1\\.0 KB / database file size [0-9.]+ KB above 1\\.0 KB"))
                .anySatisfy(title -> assertThat(title)
                        .isEqualTo("stock-db：连接数 1/1（100.0 %，上限 50.0 %） / connections 1 of 1 (100.0 %, maximum 50.0 %)"));
        assertThat(result.findings()).extracting(Finding::fingerprint).containsExactlyInAnyOrder(
                Finding.fingerprint(target, "size:database file"), Finding.fingerprint(target, "connections"));
    }

    @Test
    void aUserWhoCannotSeeOtherSessionsIsToldSoInsteadOfPassing() {
        InspectionTarget target = target();
        target.getDatabase().setUsername("watcher");
        target.getDatabase().setPassword("watcher");

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).isEqualTo("stock-db：看不到其他会话的详情 / cannot see the details of other sessions");
            assertThat(finding.evidence()).contains("The user WATCHER sees only its own sessions");
        });
    }

    @Test
    void viewsTheDatabaseLacksAreFindingsNotASilentPass() {
        InspectionTarget target = target();
        target.getDatabase().setDialect("oracle");

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).extracting(Finding::title).containsExactly(
                "stock-db：无法读取锁等待 / cannot read lock waits", "stock-db：无法读取事务 / cannot read transactions",
                "stock-db：无法读取数据库大小 / cannot read database size", "stock-db：无法读取连接数 / cannot read connections");
        assertThat(result.findings().get(0).evidence()).contains("Dialect oracle, user SA", "JdbcSQLSyntaxErrorException");
    }

    @Test
    void dialectNoneRunsOnlyTheValidationQuery() {
        InspectionTarget target = target();
        target.getDatabase().setDialect("none");
        target.getDatabase().setMaxDatabaseSize(DataSize.ofBytes(1));

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.message()).doesNotContain("blocked");
    }

    private boolean blocked(String sessionId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return "BLOCKED".equals(LockScenario.single(connection,
                    "select coalesce(max(session_state), 'gone') from information_schema.sessions where session_id = " + Integer.parseInt(sessionId)));
        }
    }

    private InspectionTarget target() {
        InspectionTarget target = new InspectionTarget("stock-db", TargetKind.DATABASE);
        target.getDatabase().setUrl(url);
        target.getDatabase().setUsername("sa");
        target.getDatabase().setPassword("");
        return target;
    }
}
