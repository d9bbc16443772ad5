package io.opsdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;

/**
 * Several nodes (here: threads, each in its own transaction) reaching the same ladder step of the same
 * ticket at once: exactly one of them may go on.
 */
@OpsDeskTest
class SlaStepOnceTest {

    final SlaRepository repository;
    final TicketService tickets;
    final TransactionTemplate transactions;

    SlaStepOnceTest(SlaRepository repository, TicketService tickets, TransactionTemplate transactions) {
        this.repository = repository;
        this.tickets = tickets;
        this.transactions = transactions;
    }

    @Test
    void onlyOneOfManyConcurrentCallersMarksAStep() throws Exception {
        String key = tickets.create(new NewTicket(TicketType.FAULT, "Race", "Two nodes, one breach", "billing", Level.HIGH,
                Level.HIGH, "Race", "race-" + UUID.randomUUID() + "@example.com", null, "en", "API"), null).ticket().key();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                Callable<Boolean> mark = () -> {
                    start.await();
                    return transactions.execute(status ->
                            repository.markOnce(key, SlaStep.BREACH.column(SlaClock.RESOLUTION), EngineTime.now()));
                };
                results.add(pool.submit(mark));
            }
            start.countDown();
            int marked = 0;
            for (Future<Boolean> result : results) {
                marked += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(marked).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
