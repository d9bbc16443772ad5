package io.opsdesk.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL 14 and later: statistics on the permission bits of Camunda's authorizations, so that the planner
 * knows how many rows its permission check keeps. Without them it guesses a handful (a bit test {@code PERMS_ & 2 = 2}
 * gets a default selectivity), joins every candidate task with every authorization row through a filter
 * ({@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}), and the Tasklist's "本组待办任务" took 0.85 s with 2,700
 * open tasks and 5.6 s with 5,000, growing with the square; with them it looks each task's authorization up
 * through {@code ACT_IDX_AUTH_RESOURCE_ID} (docs/performance.md#tasklist-本组待办任务). The bits are READ (2, the
 * task's own authorization) and READ_TASK (64, on the process definition), the two that task queries check.
 * Nothing on H2, whose planner looks the authorization up per task anyway, or where Camunda's tables are not there
 * yet (they are, with the postgres profile: Flyway creates them first, {@link CamundaSchemaConfig}).
 */
@Component
class V30__AuthorizationPermissionStatistics extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        DatabaseMetaData database = connection.getMetaData();
        if (!"PostgreSQL".equals(database.getDatabaseProductName()) || database.getDatabaseMajorVersion() < 14) {
            return;
        }
        try (Statement sql = connection.createStatement()) {
            try (ResultSet table = sql.executeQuery("select to_regclass('act_ru_authorization') is not null")) {
                if (!table.next() || !table.getBoolean(1)) {
                    return;
                }
            }
            sql.execute("""
                    create statistics if not exists act_ru_auth_permission_bits (mcv)
                    on (perms_ & 2), (perms_ & 64), resource_type_ from act_ru_authorization""");
            // built by every ANALYZE from now on, autovacuum's included; this one fills them at once
            sql.execute("analyze act_ru_authorization");
        }
    }
}
