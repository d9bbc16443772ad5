package io.opsdesk.engine;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Keeps a timer start event on its configured cycle. Camunda reads the cycle only when it deploys the model, and
 * deploy-changed-only skips an unchanged model; so when the configured cycle differs from the timer's, the model
 * is deployed again and Camunda schedules the timer anew.
 */
@Component
public class TimerStartSync {

    private static final Logger LOG = LoggerFactory.getLogger(TimerStartSync.class);

    private final ManagementService management;
    private final RepositoryService repository;

    TimerStartSync(ManagementService management, RepositoryService repository) {
        this.management = management;
        this.repository = repository;
    }

    /** Deploys {@code resource} again if its start timer does not run on {@code cycle}; true if it did. */
    public boolean apply(String resource, String processKey, String startEventId, String cycle) {
        Job timer = management.createJobQuery().processDefinitionKey(processKey).timers()
                .activityId(startEventId).list().stream().findFirst().orElse(null);
        if (timer instanceof TimerEntity entity && cycle.equals(entity.getRepeat())) {
            return false;
        }
        try (InputStream model = new ClassPathResource(resource).getInputStream()) {
            repository.createDeployment().name(processKey + " " + cycle).addInputStream(resource, model).deploy();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        LOG.info("{} now scheduled on '{}' (was '{}')", processKey, cycle,
                timer instanceof TimerEntity entity ? entity.getRepeat() : "no timer");
        return true;
    }
}
