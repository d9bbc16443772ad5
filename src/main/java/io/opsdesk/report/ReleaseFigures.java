package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.instant;
import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The releases that ended in the period ({@code software_release} with {@code finished_at} in it) and the tickets
 * they shipped ({@code software_release_ticket}: delivered, without a note that it no longer waited).
 */
@Component
class ReleaseFigures {

    private final JdbcClient jdbc;

    ReleaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OperationsReport.Releases compile(ReportPeriod period) {
        List<OperationsReport.ReleaseLine> lines = jdbc.sql("""
                select r.id, r.version, r.status, r.window_start, r.finished_at,
                       (select count(*) from software_release_ticket t where t.release_id = r.id) tickets,
                       (select count(*) from software_release_ticket t
                         where t.release_id = r.id and t.delivered_at is not null and t.note is null) shipped
                from software_release r
                where r.finished_at >= :from and r.finished_at < :to
                order by r.finished_at desc, r.id desc""")
                .param("from", timestamp(period.from()))
                .param("to", timestamp(period.to()))
                .query((rs, row) -> new OperationsReport.ReleaseLine("REL-" + rs.getLong("id"), rs.getString("version"),
                        rs.getString("status"), instant(rs, "window_start"), instant(rs, "finished_at"),
                        rs.getLong("tickets"), rs.getLong("shipped")))
                .list();
        return new OperationsReport.Releases(count(lines, "DELIVERED"), count(lines, "ROLLED_BACK"), count(lines, "REJECTED"),
                lines.stream().mapToLong(OperationsReport.ReleaseLine::ticketsDelivered).sum(), lines);
    }

    private static long count(List<OperationsReport.ReleaseLine> lines, String status) {
        return lines.stream().filter(line -> line.status().equals(status)).count();
    }
}
