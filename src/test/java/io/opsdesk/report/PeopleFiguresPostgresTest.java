package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.testing.Needs;
import io.opsdesk.testing.PostgresSchema;
import io.opsdesk.testing.Prerequisite;

/**
 * The people's figures' SQL (window functions, the union of outcomes, the correlated resolver) and the step times'
 * on PostgreSQL give exactly what they give on H2: {@link PeopleFixture} in a schema of its own ({@code people_figures}) of the cluster
 * test's database, with Camunda's tables from its PostgreSQL scripts, a bare engine on them writing the tasks'
 * history, and OpsDesk's tables from its Flyway migrations.
 */
@Needs(Prerequisite.POSTGRESQL)
class PeopleFiguresPostgresTest {

    private static final String SCHEMA = "people_figures";

    @Test
    void thePeoplesAndStepsFiguresAreTheSameOnPostgresql() throws Exception {
        DataSource schema = PostgresSchema.withCamundaTables(SCHEMA);
        Flyway.configure().dataSource(schema).schemas(SCHEMA).defaultSchema(SCHEMA).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        ProcessEngine engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("people-figures-postgres").setDataSource(schema)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            JdbcClient jdbc = JdbcClient.create(schema);
            new PeopleFixture(jdbc, engine.getTaskService()).load();
            PeopleReport people = new PeopleFigures(new TaskHandling(jdbc), new TicketOutcomes(jdbc))
                    .compile(ReportPeriod.days(PeopleFixture.MONDAY, PeopleFixture.SUNDAY, ReportFixture.ZONE));

            assertThat(people.persons()).containsExactlyElementsOf(PeopleFiguresTest.PERSONS);
            assertThat(people.groups()).containsExactlyElementsOf(PeopleFiguresTest.GROUPS);

            // the step times' SQL too: a user task waited 1 h, 2 h and 4 h 0 min 30 s in the same week
            engine.getRepositoryService().createDeployment().addModelInstance("pg-steps.bpmn",
                    Bpmn.createExecutableProcess("pg-steps").camundaHistoryTimeToLive(1).startEvent()
                            .userTask("UserTask_Wait").name("Wait").endEvent().done()).deploy();
            for (String done : List.of("2025-03-11 13:00:30", "2025-03-11 10:00:00", "2025-03-11 11:00:00")) {
                ClockUtil.setCurrentTime(ReportFixture.at("2025-03-11 09:00"));
                String instance = engine.getRuntimeService().startProcessInstanceByKey("pg-steps").getId();
                ClockUtil.setCurrentTime(new java.util.Date(ReportFixture.at(done.substring(0, 16)).getTime()
                        + Long.parseLong(done.substring(17)) * 1000));
                engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                        .singleResult().getId());
            }
            ClockUtil.reset();
            assertThat(new StepFigures(jdbc).compile(ReportPeriod.days(PeopleFixture.MONDAY, PeopleFixture.SUNDAY,
                    ReportFixture.ZONE))).containsExactly(
                    new OperationsReport.StepTime("pg-steps", "UserTask_Wait", "Wait", 3, 7_200, 14_430, 25_230));
        } finally {
            ClockUtil.reset();
            engine.close();
        }
    }
}
