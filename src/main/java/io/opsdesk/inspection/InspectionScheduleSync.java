package io.opsdesk.inspection;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.TimerStartSync;

/** Keeps the daily inspection's timer on {@code opsdesk.inspection.schedule} (see {@link TimerStartSync}). */
@Component
class InspectionScheduleSync {

    static final String RESOURCE = "processes/daily-inspection-schedule.bpmn";

    private final InspectionProperties properties;
    private final TimerStartSync sync;

    InspectionScheduleSync(InspectionProperties properties, TimerStartSync sync) {
        this.properties = properties;
        this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        apply();
    }

    /** Deploys the schedule model again if its timer does not run on the configured cycle; true if it did. */
    boolean apply() {
        return sync.apply(RESOURCE, DailyInspectionProcess.SCHEDULE_KEY, DailyInspectionProcess.Elements.SCHEDULED_START,
                properties.getSchedule());
    }
}
