package io.opsdesk;

import java.util.List;

import javax.sql.DataSource;

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
        QueuedStarts.awaitStarted(JdbcClient.create(dataSource), ticketKey);
    }
}
