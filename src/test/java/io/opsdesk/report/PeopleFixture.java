package io.opsdesk.report;

import static io.opsdesk.report.ReportFixture.at;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people's fixture week, Monday 2025-03-10 to Sunday 2025-03-16 in Asia/Shanghai, a week no other test touches:
 * standalone Camunda tasks completed by known people at known times (the engine's clock moved with ClockUtil), and
 * tickets with known resolvers, due dates, a failed verification, a rejected delivery and ratings, written straight
 * into OpsDesk's tables. {@code PeopleFiguresTest} gives what they add up to. Every ticket is closed within the
 * week, so no other report's backlog sees them.
 */
final class PeopleFixture {

    static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);
    static final LocalDate SUNDAY = LocalDate.of(2025, 3, 16);

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final ReportFixture tickets;

    PeopleFixture(JdbcClient jdbc, TaskService tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.tickets = new ReportFixture(jdbc);
    }

    /** Once per test JVM. */
    synchronized void load() {
        if (jdbc.sql("select count(*) from ticket where ticket_key = 'OPS-910001'").query(Integer.class).single() > 0) {
            return;
        }
        try {
            loadTasks();
        } finally {
            ClockUtil.reset();
        }
        loadTickets();
    }

    private void loadTasks() {
        // pfli (support): 10 min ending exactly at the start of the week (counted), 20 min, 30 min, 2 h
        task("pfli", "support", "2025-03-09 23:50:00", "2025-03-10 00:00:00");
        task("pfli", "support", "2025-03-10 09:00:00", "2025-03-10 09:20:00");
        task("pfli", "support", "2025-03-11 10:00:00", "2025-03-11 10:30:00");
        task("pfli", "support", "2025-03-12 14:00:00", "2025-03-12 16:00:00");
        // not counted: ends exactly at the end of the week, ends before it, deleted instead of completed
        task("pfli", "support", "2025-03-16 23:00:00", "2025-03-17 00:00:00");
        task("pfli", "support", "2025-03-09 10:00:00", "2025-03-09 11:00:00");
        String deleted = open("pfli", "support", "2025-03-13 09:00:00");
        ClockUtil.setCurrentTime(date("2025-03-13 10:00:00"));
        tasks.deleteTask(deleted, "not needed");
        // completed by nobody: support's only, 1 h 15 min
        task(null, "support", "2025-03-13 09:00:00", "2025-03-13 10:15:00");
        // pfwang (development): 1 h, 3 h, 5 h 0 min 30 s
        task("pfwang", "development", "2025-03-10 09:00:00", "2025-03-10 10:00:00");
        task("pfwang", "development", "2025-03-11 09:00:00", "2025-03-11 12:00:00");
        task("pfwang", "development", "2025-03-12 09:00:00", "2025-03-12 14:00:30");
        // pfzhao (supervisors): 45 s; and 15 min on a task moved from support to supervisors before it was done
        task("pfzhao", "supervisors", "2025-03-14 09:00:00", "2025-03-14 09:00:45");
        String moved = open("pfzhao", "support", "2025-03-14 10:00:00");
        ClockUtil.setCurrentTime(date("2025-03-14 10:05:00"));
        tasks.deleteCandidateGroup(moved, "support");
        tasks.addCandidateGroup(moved, "supervisors");
        ClockUtil.setCurrentTime(date("2025-03-14 10:15:00"));
        tasks.complete(moved);
    }

    private void task(String assignee, String group, String created, String completed) {
        String id = open(assignee, group, created);
        ClockUtil.setCurrentTime(date(completed));
        tasks.complete(id);
    }

    private String open(String assignee, String group, String created) {
        ClockUtil.setCurrentTime(date(created));
        Task task = tasks.newTask();
        task.setName("People fixture");
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), group);
        if (assignee != null) {
            tasks.setAssignee(task.getId(), assignee);
        }
        return task.getId();
    }

    private void loadTickets() {
        // A: pfli resolved it in support, in time; closed, rated 5
        long a = tickets.ticket("OPS-910001", "BUSINESS_QUESTION", "crm").priority("P3").status("CLOSED")
                .created("2025-03-10 08:00").resolved("2025-03-10 10:05", "2025-03-10 18:00").closed("2025-03-11 10:00")
                .rating(5).insert();
        entry(a, "pfli", "RESOLVED", "2025-03-10 10:00");
        entry(a, "fixture", "ACCEPTED", "2025-03-11 10:00");
        // B: pfwang's fix failed verification, his second fix was delivered and rejected (reopened); then pfli resolved
        // it in support, late; closed, rated 2
        long b = tickets.ticket("OPS-910002", "FAULT", "billing").priority("P2").status("CLOSED")
                .created("2025-03-10 09:00").resolved("2025-03-13 09:30", "2025-03-12 18:00").closed("2025-03-14 10:00")
                .rating(2).insert();
        entry(b, "pfwang", "IMPLEMENTED", "2025-03-10 12:00");
        entry(b, "OpsDesk", "VERIFICATION_FAILED", "2025-03-10 15:00");
        entry(b, "pfwang", "IMPLEMENTED", "2025-03-11 09:00");
        entry(b, "fixture", "VERIFIED", "2025-03-11 10:00");
        entry(b, "fixture", "REJECTED", "2025-03-12 10:00");
        entry(b, "pfli", "RESOLVED", "2025-03-13 09:00");
        entry(b, "fixture", "ACCEPTED", "2025-03-14 10:00");
        // C: pfwang's fix, delivered in time; closed, rated 4
        long c = tickets.ticket("OPS-910003", "FAULT", "billing").priority("P2").status("CLOSED")
                .created("2025-03-11 09:00").resolved("2025-03-12 16:00", "2025-03-13 18:00").closed("2025-03-13 10:00")
                .rating(4).insert();
        entry(c, "pfwang", "IMPLEMENTED", "2025-03-12 12:00");
        entry(c, "fixture", "VERIFIED", "2025-03-12 15:00");
        entry(c, "fixture", "ACCEPTED", "2025-03-13 10:00");
        // D: pfsun's fix failed verification in the week (and once in February: not counted); closed unresolved
        long d = tickets.ticket("OPS-910004", "FAULT", "crm").priority("P3").status("CLOSED")
                .created("2025-02-20 09:00").closed("2025-03-16 10:00").insert();
        entry(d, "pfsun", "IMPLEMENTED", "2025-02-24 10:00");
        entry(d, "OpsDesk", "VERIFICATION_FAILED", "2025-02-25 10:00");
        entry(d, "pfsun", "IMPLEMENTED", "2025-03-14 10:00");
        entry(d, "OpsDesk", "VERIFICATION_FAILED", "2025-03-14 14:00");
        // E: resolved by nobody OpsDesk knows (no resolving entry): its rating and SLA count for nobody
        tickets.ticket("OPS-910005", "FAULT", "crm").priority("P4").status("CLOSED").created("2025-03-10 09:00")
                .resolved("2025-03-10 11:00", "2025-03-10 18:00").closed("2025-03-10 12:00").rating(1).insert();
        // F: pfli's resolution, closed with a rating only after the week: not counted
        long f = tickets.ticket("OPS-910006", "BUSINESS_QUESTION", "crm").priority("P4").status("CLOSED")
                .created("2025-03-01 09:00").resolved("2025-03-02 11:00", "2025-03-03 18:00").closed("2025-03-17 00:00")
                .rating(1).insert();
        entry(f, "pfli", "RESOLVED", "2025-03-02 10:00");
    }

    private void entry(long ticketId, String actor, String type, String local) {
        jdbc.sql("""
                insert into ticket_timeline (ticket_id, occurred_at, actor, entry_type, message, visibility)
                values (:ticket, :at, :actor, :type, 'people fixture', 'INTERNAL')""")
                .param("ticket", ticketId).param("at", at(local)).param("actor", actor).param("type", type).update();
    }

    private static Date date(String local) {
        return new Date(at(local.substring(0, 16)).getTime() + Integer.parseInt(local.substring(17)) * 1000L);
    }
}
