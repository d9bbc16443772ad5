package io.opsdesk.report;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.opsdesk.engine.TimerStartSync;

/** Keeps the weekly and monthly report timers on {@code opsdesk.report.*-schedule} (see {@link TimerStartSync}). */
@Component
class ReportScheduleSync {

    static final String WEEKLY_RESOURCE = "processes/operations-report-weekly.bpmn";
    static final String MONTHLY_RESOURCE = "processes/operations-report-monthly.bpmn";

    private final ReportProperties properties;
    private final TimerStartSync sync;

    ReportScheduleSync(ReportProperties properties, TimerStartSync sync) {
        this.properties = properties;
        this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        sync.apply(WEEKLY_RESOURCE, OperationsReportProcess.WEEKLY_KEY, OperationsReportProcess.Elements.WEEKLY_START,
                properties.weeklySchedule());
        sync.apply(MONTHLY_RESOURCE, OperationsReportProcess.MONTHLY_KEY, OperationsReportProcess.Elements.MONTHLY_START,
                properties.monthlySchedule());
    }
}
