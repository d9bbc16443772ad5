package io.opsdesk.report;

import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.opsdesk.identity.Groups;

/**
 * What became of the resolutions people made, from OpsDesk's {@code ticket} and {@code ticket_timeline}, summed in
 * SQL per resolver. The resolver of an outcome is the actor of the ticket's latest {@code RESOLVED} (support solved
 * it: the task {@code UserTask_ResolveInSupport}, group {@code support}) or {@code IMPLEMENTED} (a developer's fix:
 * {@code UserTask_ImplementFix}, group {@code development}) entry at or before the outcome. Outcomes in the period:
 * a resolution against its due date ({@code SLA}, value 1 when met), a failed verification, a rejected delivery
 * (the ticket reopened), a closed ticket's rating (value = the rating). An outcome without a resolver (no such
 * entry before it) is counted for nobody.
 */
@Component
class TicketOutcomes {

    enum Kind { SLA, VERIFICATION_FAILED, REJECTED, RATING }

    /** How many outcomes of a kind a resolver had, and the sum of their values. */
    record Outcome(String actor, String group, Kind kind, long count, long sum) {
    }

    /** The group of the task that writes each resolving entry, as support-ticket.bpmn names its candidate group. */
    static final Map<String, String> RESOLVING_ENTRIES = Map.of("RESOLVED", Groups.SUPPORT, "IMPLEMENTED", Groups.DEVELOPMENT);

    private static final String OUTCOMES = """
            select r.actor, r.entry_type, x.kind, count(*) as n, sum(x.val) as total
            from (
                select id as ticket_id, resolved_at as moment, 'SLA' as kind,
                       case when resolved_at <= resolution_due then 1 else 0 end as val
                from ticket where resolved_at >= :from and resolved_at < :to and resolution_due is not null
                union all
                select ticket_id, occurred_at, entry_type, 1 from ticket_timeline
                where entry_type in ('VERIFICATION_FAILED', 'REJECTED') and occurred_at >= :from and occurred_at < :to
                union all
                select id, closed_at, 'RATING', acceptance_rating
                from ticket where closed_at >= :from and closed_at < :to and acceptance_rating is not null
            ) x
            join ticket_timeline r on r.id = (select max(e.id) from ticket_timeline e
                where e.ticket_id = x.ticket_id and e.entry_type in ('RESOLVED', 'IMPLEMENTED') and e.occurred_at <= x.moment)
            group by r.actor, r.entry_type, x.kind""";

    private final JdbcClient jdbc;

    TicketOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Outcome> compile(ReportPeriod period) {
        return jdbc.sql(OUTCOMES)
                .param("from", timestamp(period.from())).param("to", timestamp(period.to()))
                .query((rs, n) -> new Outcome(rs.getString("actor"), RESOLVING_ENTRIES.get(rs.getString("entry_type")),
                        Kind.valueOf(rs.getString("kind").trim()), rs.getLong("n"), rs.getLong("total")))
                .list();
    }
}
