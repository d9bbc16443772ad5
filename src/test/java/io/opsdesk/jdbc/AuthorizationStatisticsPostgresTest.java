package io.opsdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.testing.Needs;
import io.opsdesk.testing.PostgresSchema;
import io.opsdesk.testing.Prerequisite;

/**
 * The Tasklist's query on PostgreSQL with 3,000 open tasks of the support group, each with the candidate group's
 * authorization on the task (as Camunda writes them): without the statistics of
 * {@link V30__AuthorizationPermissionStatistics} the planner joins every task with every authorization through a
 * filter; with them it looks each task's authorization up in the index. Camunda's task query, run by a real engine
 * with authorization on, still finds exactly the tasks each user may see. A schema of its own
 * ({@code tasklist_plan}) of the cluster test's database.
 */
@Needs(Prerequisite.POSTGRESQL)
class AuthorizationStatisticsPostgresTest {

    private static final String SCHEMA = "tasklist_plan";
    private static final int TASKS = 3000;
    /** Camunda 7.24's selectTaskByQueryCriteria for the filter 本组待办任务 as alice (support), first page. */
    private static final String TASKLIST_QUERY = """
            select distinct RES.ID_, RES.NAME_, RES.CREATE_TIME_ from ACT_RU_TASK RES
            left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
            left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_
            left join (select A.* from ACT_RU_AUTHORIZATION A where A.TYPE_ < 2
                and (A.USER_ID_ in ('alice', '*') or A.GROUP_ID_ in ('support'))
                and ((A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2 or A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64))
              ) AUTH on (AUTH.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*'))
            where (1 = 1 and (I.TYPE_ = 'candidate' and (I.GROUP_ID_ in ('support'))))
              and ((RES.CASE_EXECUTION_ID_ is not null) or (AUTH.RESOURCE_ID_ is not null))
              and (RES.TENANT_ID_ is null)
            order by RES.ID_ asc limit 15 offset 0""";

    @Test
    void theTasklistQueryLooksAuthorizationsUpInsteadOfJoiningEveryTaskWithEveryOne() throws Exception {
        DataSource schema = PostgresSchema.withCamundaTables(SCHEMA);
        JdbcClient jdbc = JdbcClient.create(schema);
        openTasksOfSupport(schema);
        jdbc.sql("analyze").update();

        // without the statistics: every task against every authorization row, through a filter
        assertThat(plan(jdbc)).contains("Join Filter").doesNotContain("act_idx_auth_resource_id");

        Flyway.configure().dataSource(schema).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/migration")
                .javaMigrations(new V30__AuthorizationPermissionStatistics())
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();

        assertThat(plan(jdbc)).contains("act_idx_auth_resource_id");
        // as the engine sends it, with parameters: only a plan for the actual values can use the statistics, which is
        // why the postgres profile sets plan_cache_mode = force_custom_plan on OpsDesk's connections
        assertThat(preparedPlan(schema, "force_generic_plan")).contains("Join Filter").doesNotContain("act_idx_auth_resource_id");
        assertThat(preparedPlan(schema, "force_custom_plan")).contains("act_idx_auth_resource_id");

        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("tasklist-plan-postgres").setDataSource(schema)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setAuthorizationEnabled(true).setJobExecutorActivate(false).buildProcessEngine();
        try {
            engine.getIdentityService().setAuthentication("alice", List.of("support"));
            List<Task> page = engine.getTaskService().createTaskQuery().taskCandidateGroup("support")
                    .orderByTaskId().asc().listPage(0, 15);
            assertThat(page).extracting(Task::getId).containsExactlyElementsOf(
                    IntStream.range(0, 15).mapToObj(AuthorizationStatisticsPostgresTest::taskId).toList());
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("support").count()).isEqualTo(TASKS);

            engine.getIdentityService().setAuthentication("bob", List.of("development"));
            assertThat(engine.getTaskService().createTaskQuery().taskCandidateGroup("support").count())
                    .as("development has no right on support's tasks").isZero();
        } finally {
            engine.getIdentityService().clearAuthentication();
            engine.close();
        }
    }

    private static String preparedPlan(DataSource schema, String planCacheMode) throws SQLException {
        String parameterised = TASKLIST_QUERY.replace("('alice', '*')", "($1, '*')").replace("A.GROUP_ID_ in ('support')", "A.GROUP_ID_ in ($2)")
                .replace("A.RESOURCE_TYPE_ = 7 and A.PERMS_ & 2 = 2 or A.RESOURCE_TYPE_ = 6 and A.PERMS_ & 64 = 64",
                        "A.RESOURCE_TYPE_ = $3 and A.PERMS_ & $4 = $5 or A.RESOURCE_TYPE_ = $6 and A.PERMS_ & $7 = $8");
        assertThat(parameterised).contains("$8");
        try (Connection connection = schema.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set plan_cache_mode = " + planCacheMode);
            sql.execute("prepare tasklist (text, text, int, int, int, int, int, int) as " + parameterised);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = sql.executeQuery("explain execute tasklist ('alice', 'support', 7, 2, 2, 6, 64, 64)")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static String plan(JdbcClient jdbc) {
        return String.join("\n", jdbc.sql("explain " + TASKLIST_QUERY).query(String.class).list());
    }

    /** Tasks, their candidate group links and the group's authorization on each task (READ and UPDATE). */
    private static void openTasksOfSupport(DataSource schema) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = schema.getConnection();
             PreparedStatement task = connection.prepareStatement("""
                     insert into act_ru_task (id_, rev_, name_, priority_, create_time_, suspension_state_, task_def_key_)
                     values (?, 1, ?, 50, ?, 1, 'UserTask_TriageTicket')""");
             PreparedStatement link = connection.prepareStatement(
                     "insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) values (?, 1, 'support', 'candidate', ?)");
             PreparedStatement right = connection.prepareStatement("""
                     insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                     values (?, 1, 1, 'support', 7, ?, 6)""")) {
            for (int i = 0; i < TASKS; i++) {
                String id = taskId(i);
                task.setString(1, id);
                task.setString(2, "OPS-" + i + " 分诊");
                task.setTimestamp(3, now);
                task.addBatch();
                link.setString(1, "link-" + id);
                link.setString(2, id);
                link.addBatch();
                right.setString(1, "auth-" + id);
                right.setString(2, id);
                right.addBatch();
            }
            task.executeBatch();
            link.executeBatch();
            right.executeBatch();
        }
    }

    private static String taskId(int i) {
        return "task-%05d".formatted(i);
    }
}
