package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Binding of {@code opsdesk.inspection} and the targets that check OpsDesk itself, in a minimal context. */
class InspectionTargetsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ScanLikeTheApplication.class, InspectionTargets.class);

    @Test
    void withoutConfigurationChecksOpsDeskItselfOnItsPort() {
        context.withPropertyValues("server.port=9090", "opsdesk.data-dir=/srv/opsdesk").run(run -> {
            InspectionTargets targets = run.getBean(InspectionTargets.class);
            assertThat(targets.all()).extracting(InspectionTarget::getName, InspectionTarget::getKind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("opsdesk-host", TargetKind.SERVER),
                    org.assertj.core.groups.Tuple.tuple("opsdesk-database", TargetKind.DATABASE),
                    org.assertj.core.groups.Tuple.tuple("opsdesk-http", TargetKind.APPLICATION));
            assertThat(targets.find("opsdesk-host").orElseThrow().getServer().getDisks()).singleElement()
                    .satisfies(disk -> assertThat(disk.getPath()).isEqualTo("/srv/opsdesk"));
            assertThat(targets.find("opsdesk-database").orElseThrow().getDatabase().usesOwnDatabase()).isTrue();
            assertThat(targets.find("opsdesk-http").orElseThrow().getApplication().getUrl()).isEqualTo("http://localhost:9090/actuator/health");
        });
    }

    @Test
    void checksItsOwnLogFileWhenItWritesOne() {
        context.withPropertyValues("logging.file.name=/var/log/opsdesk/opsdesk.log", "local.server.port=43210").run(run -> {
            InspectionTargets targets = run.getBean(InspectionTargets.class);
            assertThat(targets.find("opsdesk-log").orElseThrow().getLogs().getPaths()).containsExactly("/var/log/opsdesk/opsdesk.log");
            assertThat(targets.find("opsdesk-http").orElseThrow().getApplication().getUrl()).isEqualTo("http://localhost:43210/actuator/health");
        });
    }

    @Test
    void bindsATargetOfEveryKind() {
        context.withPropertyValues(
                "opsdesk.inspection.self.enabled=false",
                "opsdesk.inspection.targets[0].name=billing-host",
                "opsdesk.inspection.targets[0].kind=SERVER",
                "opsdesk.inspection.targets[0].server.actuator-url=http://billing:8081/actuator",
                "opsdesk.inspection.targets[0].server.metrics[0].name=system.cpu.usage",
                "opsdesk.inspection.targets[0].server.metrics[0].max=0.9",
                "opsdesk.inspection.targets[0].server.log-directories[0].path=/var/log/billing",
                "opsdesk.inspection.targets[0].server.log-directories[0].glob=*.log",
                "opsdesk.inspection.targets[0].server.log-directories[0].max-total-size=2GB",
                "opsdesk.inspection.targets[1].name=billing-db",
                "opsdesk.inspection.targets[1].kind=DATABASE",
                "opsdesk.inspection.targets[1].database.url=jdbc:postgresql://db:5432/billing",
                "opsdesk.inspection.targets[1].database.password=${BILLING_DB_PASSWORD:from-env}",
                "opsdesk.inspection.targets[1].database.max-latency=500ms",
                "opsdesk.inspection.targets[1].database.max-lock-wait=1m",
                "opsdesk.inspection.targets[1].database.max-database-size=50GB",
                "opsdesk.inspection.targets[1].database.max-connections=300",
                "opsdesk.inspection.targets[2].name=gateway",
                "opsdesk.inspection.targets[2].kind=NETWORK",
                "opsdesk.inspection.targets[2].network.host=10.0.0.1",
                "opsdesk.inspection.targets[2].network.port=443",
                "opsdesk.inspection.targets[3].name=shop",
                "opsdesk.inspection.targets[3].kind=APPLICATION",
                "opsdesk.inspection.targets[3].application.url=https://shop.example/ping",
                "opsdesk.inspection.targets[4].name=billing-log",
                "opsdesk.inspection.targets[4].kind=LOGS",
                "opsdesk.inspection.targets[4].logs.paths=/var/log/billing/*.log",
                "opsdesk.inspection.targets[4].logs.charset=GBK",
                "opsdesk.inspection.targets[4].logs.max-bytes-per-run=5MB").run(run -> {
            InspectionTargets targets = run.getBean(InspectionTargets.class);
            assertThat(targets.all()).extracting(InspectionTarget::getName)
                    .containsExactly("billing-host", "billing-db", "gateway", "shop", "billing-log");
            assertThat(targets.find("billing-host").orElseThrow().getServer().getMetrics().get(0).getMax()).isEqualTo(0.9);
            DatabaseSettings db = targets.find("billing-db").orElseThrow().getDatabase();
            assertThat(db.getPassword()).isEqualTo("from-env");
            assertThat(db.getValidationQuery()).isEqualTo("select 1");
            assertThat(db.getMaxLatency()).isEqualTo(Duration.ofMillis(500));
            assertThat(db.getMaxLockWait()).isEqualTo(Duration.ofMinutes(1));
            assertThat(db.getMaxTransactionAge()).isEqualTo(Duration.ofMinutes(10));
            assertThat(db.getMaxDatabaseSize()).isEqualTo(DataSize.ofGigabytes(50));
            assertThat(db.getMaxConnections()).isEqualTo(300);
            assertThat(db.getMaxConnectionsUsedPercent()).isEqualTo(80);
            assertThat(db.getMaxTablespaceUsedPercent()).isEqualTo(90);
            assertThat(db.getDialect()).isEqualTo("auto");
            assertThat(targets.find("billing-host").orElseThrow().getServer().getLogDirectories()).singleElement().satisfies(dir -> {
                assertThat(dir.getPath()).isEqualTo("/var/log/billing");
                assertThat(dir.getGlob()).isEqualTo("*.log");
                assertThat(dir.getMaxFiles()).isEqualTo(1000);
                assertThat(dir.getMaxTotalSize()).isEqualTo(DataSize.ofGigabytes(2));
            });
            NetworkSettings gateway = targets.find("gateway").orElseThrow().getNetwork();
            assertThat(gateway.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
            ApplicationSettings shop = targets.find("shop").orElseThrow().getApplication();
            assertThat(shop.getExpectedStatus()).isEqualTo(200);
            assertThat(shop.getMethod()).isEqualTo("GET");
            LogSettings logs = targets.find("billing-log").orElseThrow().getLogs();
            assertThat(logs.getCharset().name()).isEqualTo("GBK");
            assertThat(logs.getMaxBytesPerRun()).isEqualTo(DataSize.ofMegabytes(5));
            assertThat(logs.getPatterns()).contains("\\bERROR\\b");
            assertThat(StandardCharsets.UTF_8).isEqualTo(new LogSettings().getCharset());
        });
    }

    @Test
    void aConfiguredTargetReplacesTheSelfTargetOfTheSameName() {
        context.withPropertyValues("opsdesk.inspection.targets[0].name=opsdesk-http",
                "opsdesk.inspection.targets[0].kind=APPLICATION",
                "opsdesk.inspection.targets[0].application.url=https://opsdesk.example/actuator/health").run(run ->
                assertThat(run.getBean(InspectionTargets.class).all()).filteredOn(t -> t.getName().equals("opsdesk-http"))
                        .singleElement().satisfies(t -> assertThat(t.getApplication().getUrl()).startsWith("https://opsdesk.example")));
    }

    @Test
    void aTargetWithoutKindOrWithADuplicateNameStopsTheStart() {
        context.withPropertyValues("opsdesk.inspection.targets[0].name=gateway")
                .run(run -> assertThat(run).hasFailed().getFailure().hasStackTraceContaining(
                        "opsdesk.inspection.targets[0] 'gateway': a target needs a kind"));
        context.withPropertyValues("opsdesk.inspection.targets[0].name=gateway", "opsdesk.inspection.targets[0].kind=NETWORK",
                        "opsdesk.inspection.targets[1].name=gateway", "opsdesk.inspection.targets[1].kind=NETWORK")
                .run(run -> assertThat(run).hasFailed().getFailure().hasStackTraceContaining(
                        "opsdesk.inspection.targets[1]: the name 'gateway' is used twice"));
    }

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan
    static class ScanLikeTheApplication {
    }
}
