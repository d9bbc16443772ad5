package io.opsdesk.ticket;

import io.opsdesk.engine.EngineTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.customer.CustomerDirectory;
import io.opsdesk.monitoring.OpsDeskMetrics;
import io.opsdesk.domain.DomainException;

/** Creates tickets and takes the customer's side of the conversation; each call is one transaction. */
@Service
public class TicketService {

    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    /** A created ticket, its plain tracking token (shown once) and the process that now runs it (null while queued). */
    public record Created(Ticket ticket, String trackingToken, ProcessInstance process, boolean replayed) {
    }

    private final TicketRepository tickets;
    private final TicketChanges changes;
    private final TimelineRepository timeline;
    private final TrackingTokens tokens;
    private final TicketProcess ticketProcess;
    private final TicketIntake intake;
    private final IntakeWriter writer;

    TicketService(TicketRepository tickets, TicketChanges changes, TimelineRepository timeline, TrackingTokens tokens,
                  TicketProcess ticketProcess, TicketIntake intake, IntakeWriter writer) {
        this.tickets = tickets;
        this.changes = changes;
        this.timeline = timeline;
        this.tokens = tokens;
        this.ticketProcess = ticketProcess;
        this.intake = intake;
        this.writer = writer;
    }

    /** A ticket from OpsDesk itself (mail intake, inspection) or a test: no caller, no Idempotency-Key. */
    @Transactional
    public Created create(NewTicket request, String idempotencyKey) {
        return create(request, "internal", idempotencyKey);
    }

    /**
     * Stores the ticket and starts its {@code support-ticket} process in one transaction: there is never
     * a ticket without a process, nor a process without a ticket. For OpsDesk's own callers that go on with the
     * process at once (mail intake, inspection findings); customers' tickets come through {@link #receive}.
     */
    @Transactional
    public Created create(NewTicket request, String caller, String idempotencyKey) {
        return intake.store(request, caller, idempotencyKey, true);
    }

    /**
     * A customer's ticket (portal, {@code POST /api/tickets}): stores the ticket and a request to start its
     * process in one transaction, and returns without waiting for the process, which {@link TicketStarter}
     * starts within moments, in batches (docs/performance.md#intake). A 201 is on disk with its start request;
     * no process ever runs without its ticket, and each ticket gets exactly one.
     * <p>An {@code Idempotency-Key} belongs to its caller (a staff user, or the client's address): the same key
     * from another caller opens a new ticket and never replays this caller's tracking token. A key is remembered
     * for {@code opsdesk.retention.idempotency}.
     * <p>The transaction is the {@link IntakeWriter}'s: it commits the tickets of concurrent requests together
     * and returns once this one's is committed.
     */
    public Created receive(NewTicket request, String caller, String idempotencyKey) {
        return writer.write(request, caller, idempotencyKey);
    }

    /** The ticket if the caller is staff or presents a token that opens it; otherwise "not found". */
    public Ticket open(String key, String token, boolean staff) {
        Ticket ticket = tickets.findByKey(key).orElseThrow(() -> new TicketNotFoundException(key));
        if (staff) {
            return ticket;
        }
        String storedHash = tickets.trackingTokenHash(key).orElseThrow();
        if (!tokens.opens(ticket, storedHash, token)) {
            throw new TicketNotFoundException(key);
        }
        return ticket;
    }

    public List<TimelineEntry> timeline(String key, boolean includeInternal) {
        return timeline.list(key, includeInternal);
    }

    /** Information from the customer; resumes a ticket that waits for it. */
    @Transactional
    public Ticket reply(String key, String token, String message) {
        return addReply(open(key, token, false), message);
    }

    /**
     * Information from the customer by e-mail, which carries no token: the sender's address must be the
     * ticket's customer address, otherwise "not found" as for a wrong token. Resumes a waiting ticket.
     */
    @Transactional
    public Ticket replyByMail(String key, String senderEmail, String message) {
        Ticket ticket = tickets.findByKey(key).orElseThrow(() -> new TicketNotFoundException(key));
        if (senderEmail == null || !ticket.customerEmail().equalsIgnoreCase(senderEmail.strip())) {
            throw new TicketNotFoundException(key);
        }
        return addReply(ticket, message);
    }

    private Ticket addReply(Ticket ticket, String message) {
        String key = ticket.key();
        if (ticket.status().isFinal()) {
            throw DomainException.conflict("ticket " + key + " is " + ticket.status() + "; open a new ticket instead");
        }
        timeline.add(key, ticket.customerName(), "CUSTOMER_REPLY", message, Visibility.PUBLIC);
        if (ticket.status() == TicketStatus.WAITING_FOR_CUSTOMER) {
            ticketProcess.customerReplied(key, message);
        }
        return tickets.findByKey(key).orElseThrow();
    }

    /** The customer accepts (with an optional 1-5 rating) or rejects the delivery with a reason. */
    @Transactional
    public Ticket acceptance(String key, String token, boolean accepted, String comment, Integer rating) {
        Ticket ticket = open(key, token, false);
        if (ticket.status() != TicketStatus.AWAITING_ACCEPTANCE) {
            throw DomainException.conflict("ticket " + key + " is " + ticket.status() + ", not awaiting acceptance");
        }
        if (!accepted && (comment == null || comment.isBlank())) {
            throw DomainException.invalid("comment", "a rejection needs a reason: say what is still wrong");
        }
        if (!accepted && rating != null) {
            throw DomainException.invalid("rating", "a rating is given only with an acceptance");
        }
        changes.acceptance(key, rating, comment);
        String entry = accepted
                ? "Customer accepted the delivery" + (rating == null ? "" : " (rating " + rating + "/5)")
                    + (comment == null || comment.isBlank() ? "" : ": " + comment)
                : "Customer rejected the delivery: " + comment;
        timeline.add(key, ticket.customerName(), accepted ? "ACCEPTED" : "REJECTED", entry, Visibility.PUBLIC);
        ticketProcess.customerAnswered(key, accepted, comment);
        return tickets.findByKey(key).orElseThrow();
    }

    List<Ticket> search(TicketQuery query) {
        return tickets.search(query);
    }

    long count(TicketQuery query) {
        return tickets.count(query);
    }
}
