package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** SERVER checks: the real local disk, memory and load, and an Actuator-like server run by the test. */
class ServerCheckTest {

    private final ServerCheck check = new ServerCheck(new ActuatorProbe(new HttpProbe()));
    private HttpServer actuator;
    private volatile String health = "{\"status\":\"UP\",\"components\":{\"db\":{\"status\":\"UP\"}}}";

    @TempDir
    Path dir;

    @BeforeEach
    void startActuator() throws IOException {
        actuator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        actuator.createContext("/actuator/health", exchange ->
                ApplicationCheckTest.answer(exchange, health.contains("UP") ? 200 : 503, health));
        actuator.createContext("/actuator/metrics/system.cpu.usage", exchange -> ApplicationCheckTest.answer(exchange, 200,
                "{\"name\":\"system.cpu.usage\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":0.97}]}"));
        actuator.createContext("/actuator/metrics/disk.free", exchange -> ApplicationCheckTest.answer(exchange, 200,
                "{\"name\":\"disk.free\",\"baseUnit\":\"bytes\",\"measurements\":[{\"statistic\":\"VALUE\",\"value\":5.0E10}]}"));
        actuator.start();
    }

    @AfterEach
    void stopActuator() {
        actuator.stop(0);
    }

    @Test
    void localHostWithinGenerousLimitsIsOk() {
        InspectionTarget target = local(0);
        target.getServer().setMaxLoadPerCore(1000);
        target.getServer().setMaxMemoryUsedPercent(100);

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.value()).isBetween(0.0, 100.0);
        assertThat(result.message()).contains("disk " + dir, "% free", "memory", "used");
    }

    @Test
    void diskBelowItsMinimumFreeSpaceWarns() {
        InspectionTarget target = local(100.1);
        target.getServer().setMaxLoadPerCore(1000);
        target.getServer().setMaxMemoryUsedPercent(100);

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.title()).startsWith("host: disk " + dir + " has ").endsWith("free (minimum 100.1 %)");
            assertThat(finding.fingerprint()).isEqualTo(Finding.fingerprint(target, "disk:" + dir));
        });
    }

    @Test
    void aDirectoryNotYetCreatedIsCheckedOnTheDiskItWillLiveOn() {
        InspectionTarget target = local(0);
        target.getServer().getDisks().get(0).setPath(dir.resolve("not/yet/there").toString());
        target.getServer().setMaxLoadPerCore(1000);
        target.getServer().setMaxMemoryUsedPercent(100);

        assertThat(check.check(target).status()).isEqualTo(CheckStatus.OK);
    }

    @Test
    void memoryAndLoadAboveTheirLimitsWarn() {
        InspectionTarget target = local(0);
        target.getServer().setMaxMemoryUsedPercent(-1);
        target.getServer().setMaxLoadPerCore(-1);

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).extracting(Finding::title)
                .anySatisfy(title -> assertThat(title).startsWith("host: memory ").endsWith("used (maximum -1.0 %)"));
    }

    @Test
    void remoteServerThatIsUpWithMetricsInLimitsIsOk() {
        InspectionTarget target = remote(new ServerSettings.Metric("system.cpu.usage", null, 0.99),
                new ServerSettings.Metric("disk.free", 1e9, null));

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.OK);
        assertThat(result.message()).isEqualTo("health UP, system.cpu.usage 0.970, disk.free 50000000000");
    }

    @Test
    void remoteMetricBeyondItsLimitWarns() {
        InspectionTarget target = remote(new ServerSettings.Metric("system.cpu.usage", null, 0.9),
                new ServerSettings.Metric("disk.free", 1e11, null));

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).extracting(Finding::title).containsExactly(
                "billing: system.cpu.usage is 0.970 (maximum 0.900)",
                "billing: disk.free is 50000000000 (minimum 100000000000)");
    }

    @Test
    void remoteServerThatIsDownFails() {
        health = "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"}}}";

        CheckResult result = check.check(remote());

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.message()).isEqualTo("health is DOWN");
        assertThat(result.findings()).singleElement().extracting(Finding::evidence).asString().contains("HTTP 503");
    }

    @Test
    void unreachableActuatorFails() throws IOException {
        InspectionTarget target = remote();
        target.getServer().setActuatorUrl("http://127.0.0.1:" + NetworkCheckTest.closedPort() + "/actuator");

        CheckResult result = check.check(target);

        assertThat(result.status()).isEqualTo(CheckStatus.FAILED);
        assertThat(result.findings()).singleElement().extracting(Finding::evidence).asString().contains("ConnectException");
    }

    @Test
    void unknownMetricWarns() {
        CheckResult result = check.check(remote(new ServerSettings.Metric("no.such.metric", null, 1.0)));

        assertThat(result.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(result.findings()).extracting(Finding::title).containsExactly("billing: metric no.such.metric is not available");
    }

    private InspectionTarget local(double minFreePercent) {
        InspectionTarget target = new InspectionTarget("host", TargetKind.SERVER);
        target.getServer().getDisks().add(new ServerSettings.Disk(dir.toString(), minFreePercent));
        return target;
    }

    private InspectionTarget remote(ServerSettings.Metric... metrics) {
        InspectionTarget target = new InspectionTarget("billing", TargetKind.SERVER);
        target.getServer().setActuatorUrl("http://127.0.0.1:" + actuator.getAddress().getPort() + "/actuator/");
        target.getServer().setMetrics(List.of(metrics));
        return target;
    }
}
