package io.opsdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;

/**
 * A PostgreSQL database whose Camunda tables Camunda's own schema-update created (before Flyway managed them)
 * still starts with the postgres profile: Flyway baselines Camunda's history at the version the schema log
 * records and creates nothing twice. Runs in a schema of its own ({@code takeover}) of the cluster test's
 * database.
 */
@Needs(Prerequisite.POSTGRESQL)
class CamundaSchemaTakeoverTest {

    private static final List<String> CAMUNDA_CREATE = List.of("engine", "case.engine", "decision.engine", "history",
            "case.history", "decision.history", "identity");

    @Test
    void aSchemaCreatedByCamundasSchemaUpdateIsBaselinedAndStarts() throws Exception {
        String base = System.getenv("OPSDESK_TEST_POSTGRES_URL");
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=takeover";
        String user = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_USER", "opsdesk");
        String password = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_PASSWORD", "opsdesk");
        JdbcClient.create(new DriverManagerDataSource(base, user, password)).sql("drop schema if exists takeover cascade; create schema takeover").update();
        DataSource takeover = new DriverManagerDataSource(url, user, password);
        // what Camunda's schema-update runs on an empty database
        try (Connection connection = takeover.getConnection()) {
            for (String part : CAMUNDA_CREATE) {
                ScriptUtils.executeSqlScript(connection,
                        new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
        }

        try (ClusterNode node = ClusterNode.start("takeover", List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password, "--opsdesk.demo-users=true"))) {
            node.awaitUp(Duration.ofMinutes(4));

            JdbcClient jdbc = JdbcClient.create(takeover);
            assertThat(jdbc.sql("select type, version from camunda_schema_history where success").query(
                    (rs, n) -> rs.getString(1) + " " + rs.getString(2)).list()).containsExactly("BASELINE 7.24.0");
            assertThat(jdbc.sql("select count(*) from act_ge_schema_log").query(Long.class).single()).isOne();
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url("/api/tickets")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"type":"FAULT","title":"After the takeover","description":"d","system":"billing","impact":"LOW",
                             "urgency":"LOW","customer":{"name":"A","email":"takeover@example.com"}}""")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }
}
