package io.opsdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskApplication;
import io.opsdesk.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;

/**
 * Two OpsDesk nodes on one real PostgreSQL database, both running the job executor, as in a
 * production cluster: every SLA step of every ticket happens exactly once. Needs a PostgreSQL server:
 * {@code .ci/run} starts one and sets {@code OPSDESK_TEST_POSTGRES_URL} (user and password in
 * {@code OPSDESK_TEST_POSTGRES_USER} / {@code OPSDESK_TEST_POSTGRES_PASSWORD}).
 */
@EnabledIfEnvironmentVariable(named = "OPSDESK_TEST_POSTGRES_URL", matches = ".+")
class PostgresClusterTest {

    private static final int TICKETS = 30;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        nodeA = node("nodeA");
        nodeB = node("nodeB");
    }

    @AfterAll
    static void stopNodes() {
        ClockUtil.reset();
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    private static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(OpsDeskApplication.class).run(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + System.getenv("OPSDESK_TEST_POSTGRES_URL"),
                "--spring.datasource.username=" + System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_USER", "opsdesk"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_PASSWORD", "opsdesk"),
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=true",
                "--opsdesk.demo-users=true",
                "--opsdesk.mail.outbox=target/cluster-outbox-" + name,
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    @Test
    void everySlaWarningHappensOnceWithTwoNodesRunningJobs() {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        ManagementService management = nodeA.getBean(ManagementService.class);
        String run = UUID.randomUUID().toString().substring(0, 8);

        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(created));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            TicketService service = (i % 2 == 0 ? nodeA : nodeB).getBean(TicketService.class);
            keys.add(service.create(new NewTicket(TicketType.FAULT, "Cluster " + run + " " + i, "Outage", "cluster-" + run,
                    Level.HIGH, Level.HIGH, "Cluster", "cluster-" + UUID.randomUUID() + "@example.com", null, "en", "API"),
                    null).ticket().key());
        }
        // both nodes send the acknowledgements; then every ticket has its first-response timers
        await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.sql("""
                select count(*) from ticket t where t.affected_system = :system
                  and exists (select 1 from notification n where n.ticket_id = t.id and n.template = 'acknowledgement')""")
                .param("system", "cluster-" + run).query(Long.class).single() == TICKETS);
        await().atMost(Duration.ofMinutes(1)).until(() ->
                management.createJobQuery().activityId(Elements.FIRST_RESPONSE_WARNING).count() >= TICKETS);

        // 23 minutes later: all first-response warnings (22.5 min) are due at once
        ClockUtil.setCurrentTime(Date.from(created.plus(Duration.ofMinutes(23))));
        await().atMost(Duration.ofMinutes(2)).until(() -> warnings(jdbc, run).size() == TICKETS);

        Map<String, Long> perTicket = warnings(jdbc, run);
        assertThat(perTicket.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(perTicket.values()).containsOnly(1L);
        Long mails = jdbc.sql("""
                select count(*) from notification n join ticket t on t.id = n.ticket_id
                where t.affected_system = :system and n.template = 'sla-warning'""")
                .param("system", "cluster-" + run).query(Long.class).single();
        long supportMembers = nodeA.getBean(org.camunda.bpm.engine.IdentityService.class).createUserQuery()
                .memberOfGroup("support").count();
        assertThat(mails).isEqualTo(TICKETS * supportMembers);
    }

    private static Map<String, Long> warnings(JdbcClient jdbc, String run) {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select t.ticket_key, count(*) from ticket_timeline e join ticket t on t.id = e.ticket_id
                where t.affected_system = :system and e.entry_type = 'SLA_WARNING' group by t.ticket_key""")
                .param("system", "cluster-" + run)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
