package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The top problems of the period by linked tickets ({@code problem}, {@code problem_ticket} of io.opsdesk.problem):
 * the tickets linked to each in the period, the most first, at most {@value #TOP}.
 */
@Component
class ProblemFigures {

    static final int TOP = 10;

    private final JdbcClient jdbc;

    ProblemFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OperationsReport.ProblemLine> compile(ReportPeriod period) {
        return jdbc.sql("""
                select p.problem_key, p.title, p.system, p.state, count(*) as tickets
                from problem p join problem_ticket t on t.problem_id = p.id
                where t.linked_at >= :from and t.linked_at < :to
                group by p.id, p.problem_key, p.title, p.system, p.state
                order by tickets desc, p.id limit :top""")
                .param("from", timestamp(period.from()))
                .param("to", timestamp(period.to()))
                .param("top", TOP)
                .query((rs, row) -> new OperationsReport.ProblemLine(rs.getString("problem_key"), rs.getString("title"),
                        rs.getString("system"), rs.getString("state"), rs.getLong("tickets")))
                .list();
    }
}
