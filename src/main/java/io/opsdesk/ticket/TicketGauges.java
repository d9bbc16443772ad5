package io.opsdesk.ticket;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opsdesk.monitoring.CachedValue;

/**
 * {@code opsdesk.tickets.open}: tickets not yet closed or declined, by status; {@code opsdesk.tickets.start.queued}
 * and {@code .failing}: tickets waiting for their process to start. Each read at most once per cache period.
 */
@Component
class TicketGauges {

    private final JdbcClient jdbc;
    private final CachedValue<Map<TicketStatus, Long>> openTickets;

    TicketGauges(MeterRegistry registry, JdbcClient jdbc, StartQueue queue,
                 @Value("${opsdesk.metrics.cache:PT15S}") Duration cache) {
        this.jdbc = jdbc;
        this.openTickets = new CachedValue<>(cache, this::countTickets);
        CachedValue<StartQueue.Backlog> starts = new CachedValue<>(cache, queue::backlog);
        Gauge.builder("opsdesk.tickets.start.queued", () -> starts.get().queued())
                .description("Customers' tickets whose process is still to be started").register(registry);
        Gauge.builder("opsdesk.tickets.start.failing", () -> starts.get().failing())
                .description("Queued tickets whose process failed to start at least once (retried)").register(registry);
        for (TicketStatus status : TicketStatus.values()) {
            if (!status.isFinal()) {
                Gauge.builder("opsdesk.tickets.open", () -> openTickets.get().getOrDefault(status, 0L))
                        .description("Tickets not yet closed or declined, by status")
                        .tag("status", status.name().toLowerCase(Locale.ROOT)).register(registry);
            }
        }
    }

    private Map<TicketStatus, Long> countTickets() {
        Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
        jdbc.sql("select status, count(*) from ticket group by status")
                .query((rs, n) -> Map.entry(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list().forEach(count -> counts.put(count.getKey(), count.getValue()));
        return counts;
    }
}
