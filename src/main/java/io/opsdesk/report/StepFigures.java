package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.report.OperationsReport.StepTime;

/**
 * Where the time goes, from Camunda's history ({@code ACT_HI_ACTINST}): the steps that wait for people or for the
 * outside world (user tasks, receive tasks, called processes) that ended in the period, by process and activity,
 * longest total first. The database counts, sums and ranks the times (whole seconds, nearest rank as in
 * {@link Percentiles}); only the median and p90 rows of each step come back, never the steps' instances.
 */
@Component
class StepFigures {

    /** Whole seconds of each instance, floored, as Camunda's own duration in milliseconds gives them. */
    private static final String RANKED = """
            select proc_key, act_id, act_name, n, rn, secs, total from (
                select a.PROC_DEF_KEY_ as proc_key, a.ACT_ID_ as act_id, a.ACT_NAME_ as act_name,
                       (a.DURATION_ - mod(a.DURATION_, 1000)) / 1000 as secs,
                       row_number() over (partition by a.PROC_DEF_KEY_, a.ACT_ID_ order by a.DURATION_, a.ID_) as rn,
                       count(*) over (partition by a.PROC_DEF_KEY_, a.ACT_ID_) as n,
                       sum((a.DURATION_ - mod(a.DURATION_, 1000)) / 1000) over (partition by a.PROC_DEF_KEY_, a.ACT_ID_) as total
                from ACT_HI_ACTINST a
                where a.ACT_TYPE_ in ('userTask', 'receiveTask', 'callActivity') and a.END_TIME_ >= :from
                  and a.END_TIME_ < :to and a.DURATION_ is not null) ranked
            where rn = (50 * n + 99) / 100 or rn = (90 * n + 99) / 100
            order by proc_key, act_id, rn""";

    private final JdbcClient jdbc;

    StepFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StepTime> compile(ReportPeriod period) {
        Map<String, List<Ranked>> byStep = new LinkedHashMap<>();
        jdbc.sql(RANKED).param("from", timestamp(period.from())).param("to", timestamp(period.to()))
                .query(rs -> {
                    Ranked row = new Ranked(rs.getString("proc_key"), rs.getString("act_id"), rs.getString("act_name"),
                            rs.getLong("n"), rs.getLong("rn"), rs.getLong("secs"), rs.getLong("total"));
                    byStep.computeIfAbsent(row.process() + "\n" + row.activityId(), k -> new ArrayList<>()).add(row);
                });
        return byStep.values().stream().map(StepFigures::step)
                .sorted(Comparator.comparingLong(StepTime::totalSeconds).reversed()
                        .thenComparing(StepTime::process).thenComparing(StepTime::activityId))
                .toList();
    }

    /** A median or p90 row of one step. */
    private record Ranked(String process, String activityId, String name, long count, long rank, long seconds, long total) {
    }

    private static StepTime step(List<Ranked> rows) {
        Ranked median = rows.stream().filter(r -> r.rank() == (50 * r.count() + 99) / 100).findFirst().orElseThrow();
        Ranked p90 = rows.stream().filter(r -> r.rank() == (90 * r.count() + 99) / 100).findFirst().orElseThrow();
        String name = median.name() == null ? median.activityId() : median.name();
        return new StepTime(median.process(), median.activityId(), name, median.count(), median.seconds(), p90.seconds(),
                median.total());
    }
}
