package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * User tasks completed in a period, from Camunda's history ({@code ACT_HI_TASKINST}, candidate groups from
 * {@code ACT_HI_IDENTITYLINK}), per assignee and per candidate group: how many and their handling time from
 * creation to completion. The database ranks the times; only the two ranked rows of each person or group (median,
 * p90 by nearest rank) come back, never the tasks themselves.
 */
@Component
class TaskHandling {

    /** Completed tasks and the median and p90 of their handling time in seconds. */
    record Times(long completed, Long medianSeconds, Long p90Seconds) {
    }

    private static final String COMPLETED = """
            from ACT_HI_TASKINST t
            where t.END_TIME_ >= :from and t.END_TIME_ < :to and t.DELETE_REASON_ = 'completed' and t.DURATION_ is not null""";

    /** Who completed it: the assignee at completion; a task completed without one counts for its groups only. */
    private static final String BY_PERSON = "select t.ASSIGNEE_ as who, t.DURATION_ as millis " + COMPLETED
            + " and t.ASSIGNEE_ is not null";

    /** Each candidate group the task still had at completion: added, and not removed at or after that. */
    private static final String BY_GROUP = """
            select distinct t.ID_ as task_id, a.GROUP_ID_ as who, t.DURATION_ as millis
            from ACT_HI_TASKINST t join ACT_HI_IDENTITYLINK a on a.TASK_ID_ = t.ID_ and a.TYPE_ = 'candidate'
                and a.OPERATION_TYPE_ = 'add' and a.GROUP_ID_ is not null
            where t.END_TIME_ >= :from and t.END_TIME_ < :to and t.DELETE_REASON_ = 'completed' and t.DURATION_ is not null
              and not exists (select 1 from ACT_HI_IDENTITYLINK d where d.TASK_ID_ = a.TASK_ID_ and d.GROUP_ID_ = a.GROUP_ID_
                  and d.TYPE_ = 'candidate' and d.OPERATION_TYPE_ = 'delete' and d.TIMESTAMP_ >= a.TIMESTAMP_)""";

    /** Nearest rank ⌈p · n / 100⌉ in integer arithmetic, the same on H2 and PostgreSQL. */
    private static final String RANKED = """
            select who, n, rn, millis from (
                select w.who, w.millis, row_number() over (partition by w.who order by w.millis) as rn,
                       count(*) over (partition by w.who) as n
                from (%s) w) ranked
            where rn = (50 * n + 99) / 100 or rn = (90 * n + 99) / 100""";

    private final JdbcClient jdbc;

    TaskHandling(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Times> byPerson(ReportPeriod period) {
        return ranked(BY_PERSON, period);
    }

    Map<String, Times> byGroup(ReportPeriod period) {
        return ranked(BY_GROUP, period);
    }

    private Map<String, Times> ranked(String tasks, ReportPeriod period) {
        Map<String, Times> times = new TreeMap<>();
        jdbc.sql(RANKED.formatted(tasks))
                .param("from", timestamp(period.from())).param("to", timestamp(period.to()))
                .query(rs -> {
                    long n = rs.getLong("n");
                    long rank = rs.getLong("rn");
                    long seconds = rs.getLong("millis") / 1000;
                    Times before = times.getOrDefault(rs.getString("who"), new Times(n, null, null));
                    times.put(rs.getString("who"), new Times(n,
                            rank == (50 * n + 99) / 100 ? Long.valueOf(seconds) : before.medianSeconds(),
                            rank == (90 * n + 99) / 100 ? Long.valueOf(seconds) : before.p90Seconds()));
                });
        return times;
    }
}
