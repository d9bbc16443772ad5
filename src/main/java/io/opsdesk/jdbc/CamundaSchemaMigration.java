package io.opsdesk.jdbc;

import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * One step of Camunda's schema on PostgreSQL, run by Flyway from the SQL scripts camunda-engine ships
 * ({@code org/camunda/bpm/engine/db/create|upgrade/postgres...}). Its version is the Camunda version the
 * schema has after it, so Flyway's history reads like Camunda's: 7.24.0 created, 7.25.0 upgraded, ...
 */
final class CamundaSchemaMigration implements JavaMigration {

    private static final String DB = "org/camunda/bpm/engine/db/";

    /** The complete 7.24 schema, in the order Camunda's own schema-update creates it. */
    static CamundaSchemaMigration create724() {
        return new CamundaSchemaMigration("7.24.0", "Camunda 7.24 schema", List.of(
                DB + "create/activiti.postgres.create.engine.sql",
                DB + "create/activiti.postgres.create.case.engine.sql",
                DB + "create/activiti.postgres.create.decision.engine.sql",
                DB + "create/activiti.postgres.create.history.sql",
                DB + "create/activiti.postgres.create.case.history.sql",
                DB + "create/activiti.postgres.create.decision.history.sql",
                DB + "create/activiti.postgres.create.identity.sql"));
    }

    private final MigrationVersion version;
    private final String description;
    private final List<String> scripts;

    CamundaSchemaMigration(String version, String description, List<String> scripts) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.scripts = scripts;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return scripts.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        for (String script : scripts) {
            ScriptUtils.executeSqlScript(context.getConnection(), new ClassPathResource(script));
        }
    }
}
