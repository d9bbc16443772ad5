package io.opsdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;

/**
 * Two OpsDesk nodes, each a JVM process of its own, on one real PostgreSQL database, both running the job
 * executor, as in production: Flyway creates the schema (Camunda's too) while both start at once; intake is
 * spread over both; SLA timers of many tickets fall due together and one node is killed with kill -9 in the
 * middle: the other finishes every step, each exactly once, taking over the dead node's jobs when their lock
 * expires (60 s, {@code camunda.bpm.job-execution.lock-time-in-millis}). The
 * IMAP poller runs on one node at a time, and the ticket rate limit counts both nodes together.
 * Needs a PostgreSQL server: {@code .ci/run} starts one and sets {@code OPSDESK_TEST_POSTGRES_URL} (user and
 * password in {@code OPSDESK_TEST_POSTGRES_USER} / {@code OPSDESK_TEST_POSTGRES_PASSWORD}); the test empties
 * that database first. {@code -Dopsdesk.cluster.tickets=} sets the number of tickets (default 1000, two SLA
 * warnings each).
 */
@Needs(Prerequisite.POSTGRESQL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresClusterTest {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresClusterTest.class);
    private static final int TICKETS = Integer.getInteger("opsdesk.cluster.tickets", 1000);
    private static final int RATE_LIMIT = 5;
    private static final String MAILBOX = "support@opsdesk.test";
    private static final String SYSTEM = "cluster";

    private static GreenMail mailServer;
    private static JdbcClient jdbc;
    private static ClusterNode nodeA;
    private static ClusterNode nodeB;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        String url = System.getenv("OPSDESK_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_USER", "opsdesk");
        String password = System.getenv().getOrDefault("OPSDESK_TEST_POSTGRES_PASSWORD", "opsdesk");
        jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, password));
        jdbc.sql("drop schema public cascade").update();
        jdbc.sql("create schema public").update();

        mailServer = new GreenMail(new ServerSetup[] {
                new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        mailServer.start();
        mailServer.setUser(MAILBOX, "support", "secret");

        List<String> arguments = List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--opsdesk.demo-users=true",
                // the test's clients are told apart by X-Forwarded-For, as behind a reverse proxy
                "--server.forward-headers-strategy=native",
                "--opsdesk.rate-limit.capacity=" + RATE_LIMIT,
                "--opsdesk.rate-limit.period=PT1H",
                "--opsdesk.mail.inbound.enabled=true",
                "--opsdesk.mail.inbound.protocol=imap",
                "--opsdesk.mail.inbound.host=127.0.0.1",
                "--opsdesk.mail.inbound.port=" + mailServer.getImap().getPort(),
                "--opsdesk.mail.inbound.username=support",
                "--opsdesk.mail.inbound.password=secret",
                "--opsdesk.mail.inbound.poll-interval=PT1S",
                "--logging.level.io.opsdesk.inbound=DEBUG");
        Instant start = Instant.now();
        // both at once: Flyway's lock on PostgreSQL lets one create the schema while the other waits
        nodeA = ClusterNode.start("nodeA", arguments);
        nodeB = ClusterNode.start("nodeB", arguments);
        nodeA.awaitUp(Duration.ofMinutes(4));
        nodeB.awaitUp(Duration.ofMinutes(4));
        LOG.info("Two nodes up in {} s", Duration.between(start, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stopNodes() {
        for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    @Order(1)
    void flywayCreatedCamundasSchemaAndOpsDesksOnce() {
        assertThat(jdbc.sql("select version from camunda_schema_history where success").query(String.class).list())
                .containsExactly("7.24.0");
        assertThat(jdbc.sql("select version_ from act_ge_schema_log").query(String.class).list()).containsExactly("7.24.0");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success").query(Long.class).single())
                .isOne();
    }

    @Test
    @Order(2)
    void theRateLimitCountsBothNodesTogether() {
        String client = "10.99.99.99";
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i <= RATE_LIMIT; i++) {
            answers.add(createTicket(i % 2 == 0 ? nodeA : nodeB, client, "limit").join().statusCode());
        }
        assertThat(answers.subList(0, RATE_LIMIT)).containsOnly(201);
        assertThat(answers.get(RATE_LIMIT)).as("the %dth ticket from one address, on the other node", RATE_LIMIT + 1).isEqualTo(429);
    }

    @Test
    @Order(3)
    void oneMailBecomesOneTicketWithOnePollerAtATime() {
        String customer = "mail-" + UUID.randomUUID() + "@example.com";
        GreenMailUtil.sendTextEmail(MAILBOX, customer, "Printer on fire", "Please help",
                mailServer.getSmtp().getServerSetup());
        await().atMost(Duration.ofSeconds(60)).until(() -> tickets(customer) == 1);
        // both nodes keep polling every second; the mail stays one ticket
        long pollsBefore = polls();
        await().atMost(Duration.ofSeconds(60)).until(() -> polls() >= pollsBefore + 6);
        assertThat(tickets(customer)).isOne();
        assertThat(jdbc.sql("select count(*) from shedlock where name = 'inbound-mail-poll'").query(Long.class).single()).isOne();
        assertThat(overlappingPolls()).as("polls of the two nodes that overlapped").isZero();
    }

    @Test
    @Order(4)
    void everySlaStepHappensOnceWhenANodeIsKilledMidRun() {
        Instant created = Instant.now();
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            inFlight.acquireUninterruptibly();
            // each ticket from an address of its own: the rate limit is not what this test is about
            answers.add(createTicket(i % 2 == 0 ? nodeA : nodeB, "10.1." + (i / 250) + "." + (i % 250), SYSTEM)
                    .whenComplete((r, e) -> inFlight.release()));
        }
        assertThat(answers.stream().map(a -> a.join().statusCode())).containsOnly(201);
        LOG.info("{} tickets created over both nodes in {} s", TICKETS, Duration.between(created, Instant.now()).toSeconds());

        // both clocks of every ticket run (after its acknowledgement): two warning timers each
        await().atMost(Duration.ofMinutes(6)).until(() -> warningTimers() == 2L * TICKETS);
        LOG.info("{} warning timers ready {} s after the first ticket", 2 * TICKETS, Duration.between(created, Instant.now()).toSeconds());

        // all 2 x TICKETS warnings fall due at once: the tickets were opened 60 days ago, their timers are due now
        jdbc.sql("update ticket set created_at = created_at - interval '60 days' where affected_system = :system")
                .param("system", SYSTEM).update();
        jdbc.sql("update act_ru_job set duedate_ = now() where id_ in (" + WARNING_TIMERS.replace("count(*)", "j.id_") + ")")
                .param("system", SYSTEM).update();
        Instant due = Instant.now();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> warnings() >= TICKETS / 4);
        nodeB.kill();
        Instant killed = Instant.now();
        long atKill = warnings();
        Instant lockedUntil = jdbc.sql("select max(lock_exp_time_) from act_ru_job").query(java.sql.Timestamp.class).optional()
                .map(java.sql.Timestamp::toInstant).orElse(killed);
        LOG.info("nodeB killed with kill -9 after {} of {} warnings, {} ms after they fell due; its jobs are locked until {}",
                atKill, 2 * TICKETS, Duration.between(due, killed).toMillis(), lockedUntil);
        assertThat(atKill).as("the kill came mid-run").isLessThan(2L * TICKETS);
        // the jobs the dead node holds come free within the configured lock time (60 s), not Camunda's 5 minutes
        assertThat(lockedUntil).isBefore(killed.plusSeconds(61));

        // nodeA alone: the rest of the work plus, once their lock expired, the jobs nodeB took with it
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> warnings() == 2L * TICKETS);
        Duration afterKill = Duration.between(killed, Instant.now());
        LOG.info("all {} warnings done {} s after the kill", 2 * TICKETS, afterKill.toSeconds());

        Map<String, Long> perTicket = new java.util.HashMap<>();
        jdbc.sql("""
                select t.ticket_key, count(*) from ticket_timeline e join ticket t on t.id = e.ticket_id
                where t.affected_system = :system and e.entry_type = 'SLA_WARNING' group by t.ticket_key""")
                .param("system", SYSTEM).query((rs, n) -> perTicket.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(perTicket).hasSize(TICKETS);
        assertThat(perTicket.values()).as("warnings per ticket: one per clock").containsOnly(2L);
        long supportMembers = jdbc.sql("select count(*) from act_id_membership where group_id_ = 'support'").query(Long.class).single();
        assertThat(jdbc.sql("""
                select count(*) from notification n join ticket t on t.id = n.ticket_id
                where t.affected_system = :system and n.template = 'sla-warning'""").param("system", SYSTEM).query(Long.class).single())
                .as("warning mails: one per warning and support member").isEqualTo(2L * TICKETS * supportMembers);
        assertThat(jdbc.sql("select count(*) from act_ru_incident").query(Long.class).single()).isZero();
        assertThat(warningTimers()).isZero();
    }

    private static CompletableFuture<HttpResponse<String>> createTicket(ClusterNode node, String client, String system) {
        String body = """
                {"type":"FAULT","title":"Cluster %s","description":"Outage","system":"%s","impact":"HIGH","urgency":"HIGH",
                 "customer":{"name":"Cluster","email":"cluster-%s@example.com","locale":"en"}}"""
                .formatted(UUID.randomUUID(), system, UUID.randomUUID());
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(node.url("/api/tickets")))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long tickets(String customerEmail) {
        return jdbc.sql("select count(*) from ticket where customer_email = :email").param("email", customerEmail)
                .query(Long.class).single();
    }

    /** The SLA warning timers of this test's tickets (not of those the other tests opened). */
    private static final String WARNING_TIMERS = """
            select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_
              join act_ru_execution p on p.id_ = j.process_instance_id_
              join ticket t on t.ticket_key = p.business_key_
            where d.act_id_ in ('Timer_FirstResponseWarning', 'Timer_ResolutionWarning') and t.affected_system = :system""";

    private static long warningTimers() {
        return jdbc.sql(WARNING_TIMERS).param("system", SYSTEM).query(Long.class).single();
    }

    private static long warnings() {
        return jdbc.sql("""
                select count(*) from ticket_timeline e join ticket t on t.id = e.ticket_id
                where t.affected_system = :system and e.entry_type = 'SLA_WARNING'""").param("system", SYSTEM)
                .query(Long.class).single();
    }

    /** Polls both nodes logged (the poller logs the start and end of each at DEBUG). */
    private static long polls() {
        return PollLog.polls(nodeA.log()).size() + PollLog.polls(nodeB.log()).size();
    }

    private static long overlappingPolls() {
        return PollLog.overlaps(PollLog.polls(nodeA.log()), PollLog.polls(nodeB.log()));
    }
}
