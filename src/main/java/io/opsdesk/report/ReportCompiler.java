package io.opsdesk.report;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.sla.MissingHolidayNotices;

/** Compiles the figures of an operations report from OpsDesk's tables and Camunda's history. */
@Service
public class ReportCompiler {

    private final TicketFigures tickets;
    private final InspectionFigures inspections;
    private final StepFigures steps;
    private final ReleaseFigures releases;
    private final MissingHolidayNotices holidayNotices;
    private final ProblemFigures problems;
    private final PeopleFigures people;

    ReportCompiler(TicketFigures tickets, InspectionFigures inspections, StepFigures steps, ReleaseFigures releases,
                   MissingHolidayNotices holidayNotices, ProblemFigures problems, PeopleFigures people) {
        this.problems = problems;
        this.tickets = tickets;
        this.inspections = inspections;
        this.steps = steps;
        this.releases = releases;
        this.holidayNotices = holidayNotices;
        this.people = people;
    }

    @Transactional(readOnly = true)
    public OperationsReport compile(ReportPeriod period) {
        TicketFigures.Figures t = tickets.compile(period);
        return new OperationsReport(
                new OperationsReport.Period(period.kind(), period.from(), period.to(), period.zone().getId(), EngineTime.now()),
                t.volumes(), t.openedVsClosed(), t.backlog(), t.firstResponse(), t.resolution(), t.sla(), t.quality(),
                t.satisfaction(), inspections.hotSpots(period), inspections.health(period), t.difficulties(),
                steps.compile(period), releases.compile(period), warnings(), problems.compile(period),
                people.compile(period));
    }

    /** A calendar that counts on provisional holidays (from 1 November also next year's) is named with what to do. */
    private List<OperationsReport.Warning> warnings() {
        return holidayNotices.at(EngineTime.now()).stream()
                .map(missing -> new OperationsReport.Warning("HOLIDAY_NOTICE_MISSING",
                        holidayNotices.describe(missing, Locale.SIMPLIFIED_CHINESE), holidayNotices.describe(missing, Locale.ENGLISH)))
                .toList();
    }
}
