package io.opsdesk.report;

import io.opsdesk.engine.ProcessBean;

/**
 * The cycles of the report schedules' timer start events, {@code ${reportSchedule.weekly}} and
 * {@code ${reportSchedule.monthly}} in the BPMN. Camunda evaluates them while it deploys, before its services exist,
 * so this bean needs nothing but the properties; {@link ReportScheduleSync} redeploys a changed cycle.
 */
@ProcessBean(OperationsReportProcess.Beans.SCHEDULE)
public class ReportSchedule {

    private final ReportProperties properties;

    ReportSchedule(ReportProperties properties) {
        this.properties = properties;
    }

    public String getWeekly() {
        return properties.weeklySchedule();
    }

    public String getMonthly() {
        return properties.monthlySchedule();
    }
}
