package io.opsdesk.inspection;

import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Keeps the schedule's timer on {@code opsdesk.inspection.schedule}. Camunda reads the cycle only when it deploys
 * {@code daily-inspection-schedule.bpmn}, and deploy-changed-only skips an unchanged model; so when the configured
 * cycle differs from the timer's, the model is deployed again and Camunda schedules the timer anew.
 */
@Component
class InspectionScheduleSync {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionScheduleSync.class);
    static final String RESOURCE = "processes/daily-inspection-schedule.bpmn";

    private final InspectionProperties properties;
    private final ManagementService management;
    private final RepositoryService repository;

    InspectionScheduleSync(InspectionProperties properties, ManagementService management, RepositoryService repository) {
        this.properties = properties;
        this.management = management;
        this.repository = repository;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        apply();
    }

    /** Deploys the schedule model again if its timer does not run on the configured cycle; true if it did. */
    boolean apply() {
        Job timer = management.createJobQuery().processDefinitionKey(DailyInspectionProcess.SCHEDULE_KEY).timers()
                .activityId(DailyInspectionProcess.Elements.SCHEDULED_START).list().stream().findFirst().orElse(null);
        if (timer instanceof TimerEntity entity && properties.getSchedule().equals(entity.getRepeat())) {
            return false;
        }
        try (InputStream model = new ClassPathResource(RESOURCE).getInputStream()) {
            repository.createDeployment().name("daily-inspection-schedule " + properties.getSchedule())
                    .addInputStream(RESOURCE, model).deploy();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        LOG.info("Daily inspection now scheduled on '{}' (was '{}')", properties.getSchedule(),
                timer instanceof TimerEntity entity ? entity.getRepeat() : "no timer");
        return true;
    }
}
