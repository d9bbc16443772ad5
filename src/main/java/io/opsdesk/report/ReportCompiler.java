package io.opsdesk.report;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.engine.EngineTime;

/** Compiles the figures of an operations report from OpsDesk's tables and Camunda's history. */
@Service
public class ReportCompiler {

    private final TicketFigures tickets;
    private final InspectionFigures inspections;
    private final StepFigures steps;
    private final ReleaseFigures releases;

    ReportCompiler(TicketFigures tickets, InspectionFigures inspections, StepFigures steps, ReleaseFigures releases) {
        this.tickets = tickets;
        this.inspections = inspections;
        this.steps = steps;
        this.releases = releases;
    }

    @Transactional(readOnly = true)
    public OperationsReport compile(ReportPeriod period) {
        TicketFigures.Figures t = tickets.compile(period);
        return new OperationsReport(
                new OperationsReport.Period(period.kind(), period.from(), period.to(), period.zone().getId(), EngineTime.now()),
                t.volumes(), t.openedVsClosed(), t.backlog(), t.firstResponse(), t.resolution(), t.sla(), t.quality(),
                t.satisfaction(), inspections.hotSpots(period), inspections.health(period), t.difficulties(),
                steps.compile(period), releases.compile(period));
    }
}
