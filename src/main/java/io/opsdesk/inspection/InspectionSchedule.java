package io.opsdesk.inspection;

import io.opsdesk.engine.ProcessBean;

/**
 * The cycle of the daily inspection's timer start event, {@code ${inspectionSchedule.cycle}} in the BPMN, from
 * {@code opsdesk.inspection.schedule}. Camunda evaluates it when it schedules the timer at deployment.
 */
@ProcessBean(DailyInspectionProcess.Beans.SCHEDULE)
public class InspectionSchedule {

    private final InspectionProperties properties;

    InspectionSchedule(InspectionProperties properties) {
        this.properties = properties;
    }

    public String getCycle() {
        return properties.getSchedule();
    }
}
