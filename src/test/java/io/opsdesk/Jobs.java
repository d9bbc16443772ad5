package io.opsdesk;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The job executor is off in tests: this runs what it would have run, now. */
public final class Jobs {

    private Jobs() {
    }

    /** Executes the due jobs of the ticket's process until none is left; returns how many ran. */
    public static int runDue(ProcessEngine engine, String ticketKey) {
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
}
