package io.opsdesk.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.customer.CustomerDirectory;
import io.opsdesk.domain.DomainException;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.ticket.TicketService.Created;

/**
 * A new ticket in the caller's transaction: the Idempotency-Key replay, the customer's organisation and tier, the
 * ticket row with its first timeline entry, and its process, started now or queued for {@link TicketStarter}.
 */
@Component
class TicketIntake {

    private static final Logger LOG = LoggerFactory.getLogger(TicketIntake.class);

    private final TicketRepository tickets;
    private final TimelineRepository timeline;
    private final IdempotencyStore idempotency;
    private final TicketProcess ticketProcess;
    private final TicketStarter starter;
    private final CustomerDirectory customers;
    private final ObjectMapper json;
    private final OpsDeskMetrics metrics;

    TicketIntake(TicketRepository tickets, TimelineRepository timeline, IdempotencyStore idempotency,
                 TicketProcess ticketProcess, TicketStarter starter, CustomerDirectory customers, ObjectMapper json,
                 OpsDeskMetrics metrics) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.idempotency = idempotency;
        this.ticketProcess = ticketProcess;
        this.starter = starter;
        this.customers = customers;
        this.json = json;
        this.metrics = metrics;
    }

    Created store(NewTicket request, String caller, String idempotencyKey, boolean startNow) {
        String scopedKey = idempotencyKey == null ? null : IdempotencyStore.scoped(caller, idempotencyKey);
        // only a request with an Idempotency-Key needs its hash (JSON and SHA-256, on the intake writer's thread)
        String requestHash = scopedKey == null ? null : requestHash(request);
        if (scopedKey != null) {
            Optional<IdempotencyStore.Replay> replay = idempotency.find(scopedKey);
            if (replay.isPresent()) {
                if (!replay.get().requestHash().equals(requestHash)) {
                    throw DomainException.unprocessable("Idempotency-Key",
                            "this Idempotency-Key was already used for a different ticket; use a new key for a new ticket");
                }
                Ticket ticket = tickets.findById(replay.get().ticketId()).orElseThrow();
                return new Created(ticket, replay.get().trackingToken(), null, true);
            }
        }
        String token = TrackingTokens.newToken();
        // the organisation's tier goes into customer_tier, and from there into sla-policy.dmn when the clocks start
        CustomerDirectory.Match customer = customers.match(request.customerEmail());
        String organisation = request.customerOrganization() == null || request.customerOrganization().isBlank()
                ? customer.organisation() : request.customerOrganization();
        Ticket ticket = tickets.insert(request, organisation, customer.slaTier(), TrackingTokens.hash(token), EngineTime.now());
        timeline.add(ticket.key(), request.customerName(), "RECEIVED",
                "Ticket received via " + request.source(), Visibility.PUBLIC);
        ProcessInstance process = null;
        if (startNow) {
            process = ticketProcess.start(ticket);
        } else {
            starter.queue(ticket.id());
        }
        if (scopedKey != null) {
            try {
                idempotency.remember(scopedKey, requestHash, ticket.id(), token);
            } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
                // the same key arrived twice at once (a duplicate, or a lock wait that timed out behind the
                // other copy): this copy rolls back, the other one stands
                throw DomainException.conflict("Idempotency-Key",
                        "a request with this Idempotency-Key is being processed right now; retry to get its answer");
            }
        }
        LOG.debug("Ticket {} created from {}, process {}", ticket.key(), request.source(),
                process == null ? "queued" : process.getId());
        metrics.ticketCreated(request.source());
        return new Created(ticket, token, process, false);
    }


    private String requestHash(NewTicket request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
