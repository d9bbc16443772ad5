package io.opsdesk;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The job executor is off in tests: this runs what it would have run, now. */
public final class Jobs {

    private Jobs() {
    }

    /**
     * Executes the due jobs of the ticket's process until none is left; returns how many ran. A customer's ticket
     * whose process is still queued (portal, {@code POST /api/tickets}) is waited for first.
     */
    public static int runDue(ProcessEngine engine, String ticketKey) {
        awaitStarted(engine, ticketKey);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ticketKey).singleResult();
        if (instance == null) {
            return 0;
        }
        int executed = 0;
        for (int round = 0; round < 50; round++) {
            List<Job> due = engine.getManagementService().createJobQuery()
                    .processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                engine.getManagementService().executeJob(job.getId());
                executed++;
            }
        }
        throw new AssertionError("jobs of " + ticketKey + " keep coming after 50 rounds");
    }

    /** Until the ticket's process has started, if it was queued (the application's ticket starter starts it). */
    public static void awaitStarted(ProcessEngine engine, String ticketKey) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> jdbc.sql("select count(*) from ticket_start s join ticket t on t.id = s.ticket_id "
                        + "where t.ticket_key = :key").param("key", ticketKey).query(Long.class).single() == 0);
    }
}
