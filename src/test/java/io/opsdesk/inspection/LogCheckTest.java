package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/** Log review on real files, its position kept in an H2 database migrated by OpsDesk's Flyway scripts. */
class LogCheckTest {

    @TempDir
    Path dir;

    private Path log;
    private DriverManagerDataSource database;
    private InspectionTarget target;

    @BeforeEach
    void setUp() {
        database = new DriverManagerDataSource("jdbc:h2:mem:logs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        log = dir.resolve("app.log");
        target = new InspectionTarget("shop-log", TargetKind.LOGS);
        target.getLogs().getPaths().add(log.toString());
    }

    @Test
    void groupsStackTracesByExceptionTypeAndNormalisedMessage() throws IOException {
        append(orderNotFound(4711, "10:00:01"), info("10:00:02"), connectionLost("0x7f3a9c", 3000, "10:00:03"),
                orderNotFound(4712, "10:00:04"), connectionLost("0x1b2c3d", 5000, "10:00:05"), orderNotFound(815, "10:00:06"));

        CheckResult result = newCheck().check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.value()).isEqualTo(5.0);
        assertThat(result.findings()).hasSize(2);
        Finding orders = result.findings().get(0);
        assertThat(orders.title()).isEqualTo("shop-log: IllegalStateException: Order <n> not found for customer <value>");
        assertThat(orders.count()).isEqualTo(3);
        assertThat(orders.firstSeen()).startsWith("2026-11-25 10:00:01.123 (app.log @ byte 0)");
        assertThat(orders.lastSeen()).startsWith("2026-11-25 10:00:06.123");
        assertThat(orders.evidence()).startsWith("3× from 2026-11-25 10:00:01.123")
                .contains("java.lang.IllegalStateException: Order 4711 not found", "\tat io.shop.Orders.find(Orders.java:42)");
        Finding connections = result.findings().get(1);
        assertThat(connections.title()).isEqualTo(
                "shop-log: DataAccessResourceFailureException: connection <hex> lost after <n> ms");
        assertThat(connections.count()).isEqualTo(2);
        assertThat(connections.evidence()).contains("Caused by: java.net.SocketTimeoutException: Read timed out", "... 12 more");
        assertThat(connections.fingerprint()).isNotEqualTo(orders.fingerprint()).hasSize(64);
    }

    @Test
    void readsOnlyWhatWasAppendedSinceTheLastRunAlsoAfterARestart() throws IOException {
        append(orderNotFound(4711, "10:00:01"), orderNotFound(4712, "10:00:02"));
        Finding first = newCheck().check(target).findings().get(0);

        append(info("10:01:00"), orderNotFound(4713, "10:01:01"), "2026-11-25 10:01:02.000 ERROR [main] Cache warm-up took 1200 ms");
        CheckResult second = newCheck().check(target);

        assertThat(second.findings()).extracting(Finding::count).containsExactly(1, 1);
        assertThat(second.findings().get(0).fingerprint()).isEqualTo(first.fingerprint());
        assertThat(second.findings().get(0).firstSeen()).startsWith("2026-11-25 10:01:01");
        assertThat(second.findings().get(1).title()).isEqualTo("shop-log: ERROR: [main] Cache warm-up took <n> ms");

        CheckResult third = newCheck().check(target);
        assertThat(third.status()).isEqualTo(CheckStatus.OK);
        assertThat(third.findings()).isEmpty();
        assertThat(third.message()).startsWith("0 errors in 0 groups, 0 bytes read");
    }

    @Test
    void afterRotationReadsTheRestOfTheOldFileThenTheNewOneFromItsStart() throws IOException {
        append(orderNotFound(1, "10:00:01"));
        LogCheck check = newCheck();
        check.check(target);
        append(orderNotFound(2, "10:00:02"));
        Files.move(log, dir.resolve("app.log.1"));
        append(connectionLost("0xabcdef12", 100, "10:05:00"));

        CheckResult result = check.check(target);

        assertThat(result.findings()).extracting(Finding::count).containsExactly(1, 1);
        assertThat(result.findings().get(0).firstSeen()).contains("app.log.1");
        assertThat(result.findings().get(1).firstSeen()).contains("(app.log @ byte 0)");
        assertThat(result.message()).contains("was rotated, read the rest of app.log.1 and the new file");
        assertThat(check.check(target).findings()).isEmpty();
    }

    @Test
    void afterTruncationReadsFromTheStart() throws IOException {
        append(orderNotFound(1, "10:00:01"), orderNotFound(2, "10:00:02"));
        LogCheck check = newCheck();
        check.check(target);
        Files.writeString(log, connectionLost("0x1", 1, "11:00:00") + "\n", StandardOpenOption.TRUNCATE_EXISTING);

        CheckResult result = check.check(target);

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).contains("DataAccessResourceFailureException");
            assertThat(finding.firstSeen()).contains("@ byte 0");
        });
        assertThat(result.message()).contains("app.log was truncated");
    }

    @Test
    void aFileRewrittenLongerThanThePositionIsReadFromItsStartToo() throws IOException {
        append(info("09:00:00"));
        LogCheck check = newCheck();
        check.check(target);
        Files.writeString(log, String.join("\n", orderNotFound(7, "12:00:00"), orderNotFound(8, "12:00:01")) + "\n",
                StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(check.check(target).findings()).singleElement().extracting(Finding::count).isEqualTo(2);
    }

    @Test
    void readsAtMostTheConfiguredBytesPerRunAndContinuesNextRun() throws IOException {
        for (int i = 0; i < 20; i++) {
            append(orderNotFound(i, "10:00:%02d".formatted(i)));
        }
        long size = Files.size(log);
        target.getLogs().setMaxBytesPerRun(DataSize.ofBytes(size / 2));
        LogCheck check = newCheck();

        CheckResult first = check.check(target);
        CheckResult second = check.check(target);

        assertThat(first.message()).contains("bytes left for the next run");
        assertThat(first.findings().get(0).count() + second.findings().get(0).count()).isEqualTo(20);
        assertThat(check.check(target).findings()).isEmpty();
    }

    @Test
    void stackTracesWithoutAnErrorLineAreErrorsToo() throws IOException {
        append("Exception in thread \"worker-3\" java.lang.OutOfMemoryError: Java heap space",
                "\tat java.base/java.util.Arrays.copyOf(Arrays.java:3537)",
                "java.io.IOException: No space left on device",
                "\tat java.base/java.io.FileOutputStream.writeBytes(Native Method)",
                "java.util.Map: looks like a class name but has no stack trace");

        CheckResult result = newCheck().check(target);

        assertThat(result.findings()).extracting(Finding::title).containsExactlyInAnyOrder(
                "shop-log: OutOfMemoryError: Java heap space", "shop-log: IOException: No space left on device");
    }

    @Test
    void springBootsEmptyLineBetweenMessageAndStackTraceKeepsThemOneError() throws IOException {
        append("2026-11-25T10:00:01.123+08:00 ERROR 4242 --- [opsdesk] [exec-1] o.s.Orders : Order lookup failed",
                "",
                "java.lang.IllegalStateException: Order 4711 not found",
                "\tat io.shop.Orders.find(Orders.java:42)",
                "",
                "2026-11-25T10:00:02.000+08:00  INFO 4242 --- [opsdesk] [exec-2] o.s.Orders : Order shipped");

        CheckResult result = newCheck().check(target);

        assertThat(result.value()).isEqualTo(1.0);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).isEqualTo("shop-log: IllegalStateException: Order <n> not found");
            assertThat(finding.firstSeen()).startsWith("2026-11-25T10:00:01.123+08:00");
            assertThat(finding.evidence()).contains("Order lookup failed", "\tat io.shop.Orders.find(Orders.java:42)");
        });
    }

    @Test
    void globsPickUpEveryMatchingFileAndAMissingFileWarns() throws IOException {
        Files.createDirectories(dir.resolve("nodes/a"));
        Files.createDirectories(dir.resolve("nodes/b"));
        Files.writeString(dir.resolve("nodes/a/app.log"), orderNotFound(1, "10:00:00") + "\n");
        Files.writeString(dir.resolve("nodes/b/app.log"), orderNotFound(2, "10:00:00") + "\n");
        Files.writeString(dir.resolve("nodes/b/app.log.gz"), "not a log\n");
        target.getLogs().getPaths().clear();
        target.getLogs().getPaths().add(dir + "/nodes/*/app.log");
        target.getLogs().getPaths().add(dir + "/missing.log");

        CheckResult result = newCheck().check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).extracting(Finding::title, Finding::count).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shop-log: no log file " + dir + "/missing.log", 1),
                org.assertj.core.groups.Tuple.tuple("shop-log: IllegalStateException: Order <n> not found for customer <value>", 2));
    }

    private LogCheck newCheck() {
        return new LogCheck(new LogPositionRepository(JdbcClient.create(database)));
    }

    private void append(String... lines) throws IOException {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String info(String time) {
        return "2026-11-25 " + time + ".000  INFO 4242 --- [exec-2] o.s.Orders : Order shipped";
    }

    private static String orderNotFound(int order, String time) {
        return """
                2026-11-25 %s.123 ERROR 4242 --- [exec-%d] o.s.Orders : Order lookup failed
                java.lang.IllegalStateException: Order %d not found for customer 'acme-%d'
                \tat io.shop.Orders.find(Orders.java:42)
                \tat io.shop.Api.get(Api.java:17)""".formatted(time, order % 7, order, order * 3);
    }

    private static String connectionLost(String connection, int millis, String time) {
        return """
                2026-11-25 %s.500 ERROR 4242 --- [pay-1] o.s.Payments : Payment %s failed
                org.springframework.dao.DataAccessResourceFailureException: connection %s lost after %d ms
                \tat io.shop.Payments.charge(Payments.java:88)
                Caused by: java.net.SocketTimeoutException: Read timed out
                \tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:288)
                \t... 12 more""".formatted(time, UUID.randomUUID(), connection, millis);
    }
}
