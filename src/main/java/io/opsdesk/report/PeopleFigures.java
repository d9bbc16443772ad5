package io.opsdesk.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.opsdesk.report.PeopleReport.Line;

/**
 * The people's and groups' figures of a report: the tasks each completed ({@link TaskHandling}, Camunda's history)
 * and the outcomes of the tickets each resolved ({@link TicketOutcomes}, OpsDesk's tables), both summed by the
 * database for the period. Most tasks completed first, then by name.
 */
@Component
class PeopleFigures {

    private final TaskHandling tasks;
    private final TicketOutcomes outcomes;

    PeopleFigures(TaskHandling tasks, TicketOutcomes outcomes) {
        this.tasks = tasks;
        this.outcomes = outcomes;
    }

    PeopleReport compile(ReportPeriod period) {
        Map<String, Sums> persons = new TreeMap<>();
        Map<String, Sums> groups = new TreeMap<>();
        tasks.byPerson(period).forEach((who, times) -> persons.computeIfAbsent(who, k -> new Sums()).times = times);
        tasks.byGroup(period).forEach((group, times) -> groups.computeIfAbsent(group, k -> new Sums()).times = times);
        for (TicketOutcomes.Outcome outcome : outcomes.compile(period)) {
            persons.computeIfAbsent(outcome.actor(), k -> new Sums()).add(outcome);
            groups.computeIfAbsent(outcome.group(), k -> new Sums()).add(outcome);
        }
        return new PeopleReport(lines(persons), lines(groups));
    }

    private static List<Line> lines(Map<String, Sums> sums) {
        return sums.entrySet().stream().map(e -> e.getValue().line(e.getKey()))
                .sorted(Comparator.comparingLong(Line::tasksCompleted).reversed().thenComparing(Line::name))
                .toList();
    }

    /** One person's or group's figures while they are added up. */
    private static final class Sums {
        TaskHandling.Times times = new TaskHandling.Times(0, null, null);
        long slaMet;
        long slaTotal;
        long failedVerifications;
        long reopenedDeliveries;
        long rated;
        long ratingSum;

        void add(TicketOutcomes.Outcome outcome) {
            switch (outcome.kind()) {
                case SLA -> {
                    slaTotal += outcome.count();
                    slaMet += outcome.sum();
                }
                case VERIFICATION_FAILED -> failedVerifications += outcome.count();
                case REJECTED -> reopenedDeliveries += outcome.count();
                case RATING -> {
                    rated += outcome.count();
                    ratingSum += outcome.sum();
                }
            }
        }

        Line line(String name) {
            Double average = rated == 0 ? null : Math.round(ratingSum * 100.0 / rated) / 100.0;
            return new Line(name, times.completed(), times.medianSeconds(), times.p90Seconds(), slaMet, slaTotal,
                    failedVerifications, reopenedDeliveries, rated, average);
        }
    }
}
