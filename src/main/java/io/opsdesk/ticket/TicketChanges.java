package io.opsdesk.ticket;

import static io.opsdesk.jdbc.SqlTime.timestamp;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.opsdesk.engine.EngineTime;

/** Each change of a ticket row as its own statement; every change bumps {@code version} and {@code updated_at}. */
@Repository
class TicketChanges {

    private static final String STAMP = "updated_at = :updatedAt, version = version + 1";

    private final JdbcClient jdbc;

    TicketChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void status(String key, TicketStatus status) {
        run(key, "status = :status", "status", status.name());
    }

    void delivered(String key, Instant at) {
        run(key, "status = 'AWAITING_ACCEPTANCE', resolved_at = :at", "at", timestamp(at));
    }

    void closed(String key, TicketStatus status, Instant at) {
        statement(key, "status = :status, closed_at = :at").param("status", status.name()).param("at", timestamp(at)).update();
    }

    void priority(String key, String priority) {
        run(key, "priority = :priority", "priority", priority);
    }

    void resolution(String key, String resolution) {
        run(key, "resolution = :resolution", "resolution", resolution);
    }

    void agreedDeliveryDate(String key, LocalDate date) {
        run(key, "agreed_delivery_date = :date", "date", date);
    }

    void owner(String key, String group, String assignee) {
        statement(key, "owning_group = :group, assignee = :assignee").param("group", group).param("assignee", assignee).update();
    }

    void assignee(String key, String assignee) {
        run(key, "assignee = :assignee", "assignee", assignee);
    }

    void acceptance(String key, Integer rating, String comment) {
        statement(key, "acceptance_rating = :rating, acceptance_comment = :comment")
                .param("rating", rating).param("comment", comment).update();
    }

    void linkFinding(String key, String fingerprint) {
        run(key, "finding_fingerprint = :fingerprint", "fingerprint", fingerprint);
    }

    /** One more failed verification; returns how many there were. */
    int failedVerification(String key) {
        run(key, "test_failure_count = test_failure_count + 1", null, null);
        return jdbc.sql("select test_failure_count from ticket where ticket_key = :key").param("key", key)
                .query(Integer.class).single();
    }

    /** Triage's fields; a null leaves the column as it was, and the first triage stamps the first response. */
    void triaged(String key, Triage triage, Instant at) {
        statement(key, """
                type = :type, impact = :impact, urgency = :urgency, first_response_at = coalesce(first_response_at, :at),
                handling_plan = coalesce(:plan, handling_plan), decline_reason = coalesce(:decline, decline_reason),
                feasible = coalesce(:feasible, feasible), effort_days = coalesce(:effort, effort_days),
                agreed_delivery_date = coalesce(:date, agreed_delivery_date)""")
                .param("type", triage.type().name()).param("impact", triage.impact().name())
                .param("urgency", triage.urgency().name()).param("at", timestamp(at))
                .param("plan", triage.handlingPlan()).param("decline", triage.declineReason())
                .param("feasible", triage.feasible()).param("effort", triage.effortDays())
                .param("date", triage.agreedDeliveryDate())
                .update();
    }

    private void run(String key, String assignments, String name, Object value) {
        JdbcClient.StatementSpec statement = statement(key, assignments);
        if (name != null) {
            statement = statement.param(name, value);
        }
        if (statement.update() != 1) {
            throw new TicketNotFoundException(key);
        }
    }

    private JdbcClient.StatementSpec statement(String key, String assignments) {
        return jdbc.sql("update ticket set " + STAMP + ", " + assignments + " where ticket_key = :key")
                .param("key", key).param("updatedAt", timestamp(EngineTime.now()));
    }
}
