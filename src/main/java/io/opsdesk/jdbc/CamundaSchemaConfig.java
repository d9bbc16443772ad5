package io.opsdesk.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code opsdesk.database.camunda-schema=flyway} (the postgres profile) Flyway, not Camunda's
 * schema-update, creates and upgrades Camunda's tables: before OpsDesk's own migrations, in a history table
 * of its own ({@code camunda_schema_history}), under Flyway's database lock, so nodes starting together
 * cannot race. A database whose Camunda tables Camunda created itself (schema-update) is baselined at the
 * latest version it records in ACT_GE_SCHEMA_LOG and upgraded from there. The process engine starts after both.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "opsdesk.database.camunda-schema", havingValue = "flyway")
class CamundaSchemaConfig {

    static final String HISTORY_TABLE = "camunda_schema_history";
    private static final Logger LOG = LoggerFactory.getLogger(CamundaSchemaConfig.class);

    @Bean
    FlywayMigrationStrategy camundaSchemaFirst() {
        return opsdesk -> {
            DataSource dataSource = opsdesk.getConfiguration().getDataSource();
            String existing = camundaVersion(dataSource);
            var camunda = Flyway.configure()
                    .dataSource(dataSource)
                    .table(HISTORY_TABLE)
                    .locations(new String[0]) // Java migrations only
                    .javaMigrations(CamundaSchemaMigration.create724());
            if (existing != null) {
                LOG.info("Camunda schema {} found (created by Camunda's schema-update): Flyway takes it over from there", existing);
                camunda.baselineOnMigrate(true).baselineVersion(existing)
                        .baselineDescription("Camunda schema " + existing + " created by schema-update");
            }
            camunda.load().migrate();
            opsdesk.migrate();
        };
    }

    /** The engine starts only once Flyway has created or upgraded the tables it needs. */
    @Bean
    static BeanFactoryPostProcessor processEngineAfterFlyway() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false)) {
                BeanDefinition engine = beanFactory.getBeanDefinition(name.startsWith("&") ? name.substring(1) : name);
                String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
                String[] withFlyway = java.util.Arrays.copyOf(dependsOn, dependsOn.length + 1);
                withFlyway[dependsOn.length] = "flywayInitializer";
                engine.setDependsOn(withFlyway);
            }
        };
    }

    /** The schema version Camunda recorded, or null if its tables are not there (or Flyway manages them already). */
    private static String camundaVersion(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, HISTORY_TABLE) || !exists(connection, "act_ge_schema_log")) {
                return null;
            }
            // every create and upgrade script of Camunda adds a row with the version it leaves the schema at
            try (var statement = connection.prepareStatement("select version_ from act_ge_schema_log");
                 ResultSet rows = statement.executeQuery()) {
                MigrationVersion latest = null;
                while (rows.next()) {
                    MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                    latest = latest == null || version.isNewerThan(latest) ? version : latest;
                }
                return latest == null ? null : latest.getVersion();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read Camunda's schema version", e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        // in the connection's schema only: another schema of the same database may hold another installation
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), table, null)) {
            return tables.next();
        }
    }
}
