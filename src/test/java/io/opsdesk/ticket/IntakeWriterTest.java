package io.opsdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.domain.DomainException;
import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.ticket.TicketService.Created;

/**
 * Customers' tickets are committed in groups ({@link IntakeWriter}): each request is answered only once its
 * ticket is committed, concurrent requests share a commit, and a ticket refused inside a group fails alone.
 */
@OpsDeskTest
class IntakeWriterTest {

    final TicketService tickets;
    final IntakeWriter writer;
    final OpsDeskMetrics metrics;
    final JdbcClient jdbc;
    final TicketRepository repository;

    IntakeWriterTest(TicketService tickets, IntakeWriter writer, OpsDeskMetrics metrics, JdbcClient jdbc,
                     TicketRepository repository) {
        this.tickets = tickets;
        this.repository = repository;
        this.writer = writer;
        this.metrics = metrics;
        this.jdbc = jdbc;
    }

    @Test
    void concurrentRequestsShareCommitsAndEachIsCommittedWhenAnswered() throws Exception {
        OpsDeskMetrics.IntakeGroups before = metrics.intakeGroups();
        int clients = 16;
        int each = 15;
        Set<String> seenAtAnswer = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> answered = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                int client = c;
                Callable<List<String>> send = () -> {
                    go.await();
                    List<String> keys = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String key = tickets.receive(ticket("Group " + client + "-" + i), "address:10.0.0." + client, null)
                                .ticket().key();
                        // read on this thread's own connection: the ticket must be committed by the time it is answered
                        if (jdbc.sql("select count(*) from ticket t join ticket_timeline l on l.ticket_id = t.id "
                                + "where t.ticket_key = :key").param("key", key).query(Long.class).single() == 1) {
                            seenAtAnswer.add(key);
                        }
                        keys.add(key);
                    }
                    return keys;
                };
                answered.add(pool.submit(send));
            }
            go.countDown();
            List<String> keys = new ArrayList<>();
            for (Future<List<String>> client : answered) {
                keys.addAll(client.get(3, TimeUnit.MINUTES));
            }
            assertThat(keys).hasSize(clients * each).doesNotHaveDuplicates();
            assertThat(seenAtAnswer).containsExactlyInAnyOrderElementsOf(keys);
        } finally {
            pool.shutdownNow();
        }
        OpsDeskMetrics.IntakeGroups after = metrics.intakeGroups();
        long stored = after.tickets() - before.tickets();
        long groups = after.groups() - before.groups();
        assertThat(stored).isEqualTo(clients * each);
        assertThat(groups).as("commits for %d tickets from %d concurrent clients", stored, clients).isLessThan(stored);
    }

    @Test
    void aTicketRefusedInsideAGroupFailsAloneAndTheOthersAreStored() {
        String key = "reuse-" + UUID.randomUUID();
        Created original = tickets.receive(ticket("Original"), "user:alice", key);

        IntakeWriter.Pending first = new IntakeWriter.Pending(ticket("First of the group"), "address:10.1.0.1", null);
        IntakeWriter.Pending reused = new IntakeWriter.Pending(ticket("Other content, same key"), "user:alice", key);
        IntakeWriter.Pending replay = new IntakeWriter.Pending(ticket("Original"), "user:alice", key);
        IntakeWriter.Pending last = new IntakeWriter.Pending(ticket("Last of the group"), "address:10.1.0.1", null);
        long ticketsBefore = count("ticket");

        writer.store(List.of(first, reused, replay, last));

        assertThat(first.result()).isCompleted();
        assertThat(last.result()).isCompleted();
        assertThat(replay.result().join().replayed()).isTrue();
        assertThat(replay.result().join().ticket().key()).isEqualTo(original.ticket().key());
        assertThat(reused.result()).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(DomainException.class).withMessageContaining("already used for a different ticket");
        assertThat(count("ticket")).isEqualTo(ticketsBefore + 2);
        assertThat(jdbc.sql("select title from ticket where ticket_key in (:a, :b) order by id")
                .param("a", first.result().join().ticket().key()).param("b", last.result().join().ticket().key())
                .query(String.class).list()).containsExactly("First of the group", "Last of the group");
    }

    @Test
    void theTicketAnAnswerCarriesIsTheStoredRow() {
        NewTicket request = new NewTicket(TicketType.DATA_REQUEST, "Stored as answered", "Row and answer agree", "crm",
                Level.HIGH, Level.MEDIUM, "Wang Fang", "wang.fang@example.com", "Example Ltd", "zh-CN", "PORTAL");

        Ticket answered = tickets.receive(request, "address:10.2.0.1", null).ticket();

        assertThat(answered).isEqualTo(repository.findById(answered.id()).orElseThrow());
        assertThat(answered.key()).isEqualTo(TicketRepository.key(answered.id()));
    }

    @Test
    void keysHaveAtLeastSixDigits() {
        assertThat(TicketRepository.key(7)).isEqualTo("OPS-000007");
        assertThat(TicketRepository.key(123456)).isEqualTo("OPS-123456");
        assertThat(TicketRepository.key(1234567)).isEqualTo("OPS-1234567");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static NewTicket ticket(String title) {
        return new NewTicket(TicketType.FAULT, title, "Group commit", "billing", Level.LOW, Level.LOW, "Group",
                "group@example.com", null, "en", "API");
    }
}
