package io.opsdesk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.stereotype.Component;

import io.opsdesk.report.OperationsReport.StepTime;

/**
 * Where the time goes, from Camunda's history: the steps that wait for people or for the outside world (user
 * tasks, receive tasks, called processes) that ended in the period, by process and activity, longest total first.
 */
@Component
class StepFigures {

    static final Set<String> WAITING_STEPS = Set.of("userTask", "receiveTask", "callActivity");
    private static final int PAGE = 1000;

    private final HistoryService history;

    StepFigures(HistoryService history) {
        this.history = history;
    }

    List<StepTime> compile(ReportPeriod period) {
        Date from = Date.from(period.from());
        Date to = Date.from(period.to());
        Map<String, List<HistoricActivityInstance>> byStep = new LinkedHashMap<>();
        for (String type : WAITING_STEPS.stream().sorted().toList()) {
            for (int first = 0; ; first += PAGE) {
                List<HistoricActivityInstance> page = history.createHistoricActivityInstanceQuery()
                        .activityType(type).finished().finishedAfter(from).finishedBefore(to)
                        .orderPartiallyByOccurrence().asc().listPage(first, PAGE);
                page.stream()
                        // the query's bounds are not both exclusive on every database: the period decides
                        .filter(a -> !a.getEndTime().before(from) && a.getEndTime().before(to))
                        .forEach(a -> byStep.computeIfAbsent(a.getProcessDefinitionKey() + "\n" + a.getActivityId(),
                                k -> new ArrayList<>()).add(a));
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return byStep.values().stream().map(StepFigures::step)
                .sorted(Comparator.comparingLong(StepTime::totalSeconds).reversed()
                        .thenComparing(StepTime::process).thenComparing(StepTime::activityId))
                .toList();
    }

    private static StepTime step(List<HistoricActivityInstance> instances) {
        HistoricActivityInstance any = instances.get(0);
        List<Long> seconds = instances.stream().map(a -> a.getDurationInMillis() / 1000).sorted().toList();
        String name = any.getActivityName() == null ? any.getActivityId() : any.getActivityName();
        return new StepTime(any.getProcessDefinitionKey(), any.getActivityId(), name, seconds.size(),
                Percentiles.nearestRank(seconds, 50), Percentiles.nearestRank(seconds, 90),
                seconds.stream().mapToLong(Long::longValue).sum());
    }
}
