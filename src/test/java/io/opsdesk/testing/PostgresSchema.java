package io.opsdesk.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A schema of its own, emptied first, in the PostgreSQL database of {@link Prerequisite#POSTGRESQL}
 * ({@code OPSDESK_TEST_POSTGRES_URL}, user and password beside it), with Camunda's tables from the PostgreSQL scripts
 * camunda-engine ships, for tests that need Camunda's schema on a real PostgreSQL without starting OpsDesk.
 */
public final class PostgresSchema {

    private static final List<String> CAMUNDA_CREATE = List.of("engine", "case.engine", "decision.engine", "history",
            "case.history", "decision.history", "identity");

    private PostgresSchema() {
    }

    /** The schema {@code name}, dropped and created again, with Camunda's tables; connections default to it. */
    public static DataSource withCamundaTables(String name) throws SQLException {
        String base = System.getenv("OPSDESK_TEST_POSTGRES_URL");
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        String user = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_USER", "opsdesk");
        String password = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_PASSWORD", "opsdesk");
        JdbcClient.create(new DriverManagerDataSource(base, user, password))
                .sql("drop schema if exists " + name + " cascade; create schema " + name).update();
        DataSource schema = new DriverManagerDataSource(url, user, password);
        try (Connection connection = schema.getConnection()) {
            for (String part : CAMUNDA_CREATE) {
                ScriptUtils.executeSqlScript(connection,
                        new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
        }
        return schema;
    }
}
