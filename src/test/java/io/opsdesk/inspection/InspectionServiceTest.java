package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;

import com.sun.net.httpserver.HttpServer;

/** Runs over configured targets: every result stored, a hanging check cut off by the check timeout. */
class InspectionServiceTest {

    private final InspectionProperties properties = new InspectionProperties();
    private HttpServer server;
    private InspectionService service;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hangs", exchange -> {
            ApplicationCheckTest.sleep(3000);
            ApplicationCheckTest.answer(exchange, 200, "late");
        });
        server.createContext("/ok", exchange -> ApplicationCheckTest.answer(exchange, 200, "fine"));
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();

        DriverManagerDataSource database = new DriverManagerDataSource("jdbc:h2:mem:runs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(database);

        properties.getSelf().setEnabled(false);
        properties.setCheckTimeout(Duration.ofMillis(500));
        properties.setTargets(List.of(http("shop", "/ok"), http("reports", "/hangs"), closedPort("gateway")));
        HttpProbe http = new HttpProbe();
        service = new InspectionService(new InspectionTargets(properties, new MockEnvironment()),
                List.of(new ApplicationCheck(http), new NetworkCheck()), new InspectionRepository(jdbc), properties);
    }

    @AfterEach
    void tearDown() {
        service.destroy();
        server.stop(0);
    }

    @Test
    void runAllStoresEveryResultAndCountsThem() {
        InspectionRun run = service.runAll("manual:alice");

        assertThat(run.results()).extracting(CheckResult::target, CheckResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shop", CheckStatus.OK),
                org.assertj.core.groups.Tuple.tuple("reports", CheckStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("gateway", CheckStatus.FAILED));
        assertThat(run.results().get(1).message()).isEqualTo("no result within 500 ms (check-timeout)");
        assertThat(List.of(run.okCount(), run.warningCount(), run.failedCount(), run.findingCount())).containsExactly(1, 0, 2, 2);
        assertThat(service.run(run.id()).results().get(2).findings()).singleElement()
                .satisfies(finding -> assertThat(finding.evidence()).contains("ConnectException"));
        assertThat(jdbc.sql("select triggered_by from inspection_run where id = :id").param("id", run.id()).query(String.class).single())
                .isEqualTo("manual:alice");
    }

    @Test
    void targetsAreCheckedInParallelSoOneHangingTargetDoesNotDelayTheOthers() {
        long start = System.nanoTime();
        service.runAll("schedule");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void checkingAnUnknownTargetSaysWhichTargetsThereAre() {
        assertThatThrownBy(() -> service.check("nope")).isInstanceOf(NoSuchElementException.class)
                .hasMessage("no inspection target 'nope'; the targets are [shop, reports, gateway]");
    }

    @Test
    void aKindWithoutCheckFailsInsteadOfThrowing() {
        properties.setTargets(List.of(new InspectionTarget("db", TargetKind.DATABASE)));

        assertThat(service.check("db").message()).isEqualTo("no check for kind DATABASE");
    }

    private InspectionTarget http(String name, String path) {
        InspectionTarget target = new InspectionTarget(name, TargetKind.APPLICATION);
        target.getApplication().setUrl("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return target;
    }

    private static InspectionTarget closedPort(String name) throws IOException {
        InspectionTarget target = new InspectionTarget(name, TargetKind.NETWORK);
        target.getNetwork().setHost("127.0.0.1");
        target.getNetwork().setPort(NetworkCheckTest.closedPort());
        return target;
    }
}
