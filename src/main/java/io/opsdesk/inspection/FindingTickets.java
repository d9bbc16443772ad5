package io.opsdesk.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;

/**
 * Turns the findings of a run into FAULT tickets: one per finding, unless a ticket for the same fingerprint is
 * still open; then the finding is added to that ticket's timeline instead.
 */
@Service
class FindingTickets {

    static final String SOURCE = "INSPECTION";
    static final String ACTOR = "inspection";
    static final String RECURRED = "INSPECTION_FINDING";
    private static final int MAX_TITLE = 200;
    private static final int MAX_SYSTEM = 100;

    /** What a run did to tickets. */
    record Outcome(int opened, int updated, List<String> lines) {
    }

    private final TicketService ticketService;
    private final Tickets tickets;
    private final InspectionProperties properties;

    FindingTickets(TicketService ticketService, Tickets tickets, InspectionProperties properties) {
        this.ticketService = ticketService;
        this.tickets = tickets;
        this.properties = properties;
    }

    @Transactional
    Outcome record(InspectionRun run) {
        int opened = 0;
        int updated = 0;
        List<String> lines = new ArrayList<>();
        for (CheckResult result : run.results()) {
            for (Finding finding : result.findings()) {
                Optional<Ticket> open = tickets.findOpenForFinding(finding.fingerprint());
                if (open.isPresent()) {
                    tickets.note(open.get().key(), ACTOR, RECURRED,
                            "Seen again by inspection run " + run.id() + ".\n" + description(run, result, finding), Visibility.INTERNAL);
                    lines.add(open.get().key() + " updated: " + open.get().title());
                    updated++;
                } else {
                    Ticket ticket = ticketService.create(newTicket(run, result, finding), null).ticket();
                    tickets.linkFinding(ticket.key(), finding.fingerprint());
                    lines.add(ticket.key() + " opened: " + ticket.title());
                    opened++;
                }
            }
        }
        return new Outcome(opened, updated, lines);
    }

    private NewTicket newTicket(InspectionRun run, CheckResult result, Finding finding) {
        Level level = result.status() == CheckStatus.FAILED ? Level.HIGH : Level.MEDIUM;
        return new NewTicket(TicketType.FAULT, cut(finding.title(), MAX_TITLE), description(run, result, finding),
                cut(result.target(), MAX_SYSTEM), level, level, properties.getReporterName(), properties.getReporterEmail(),
                null, properties.getReporterLocale(), SOURCE);
    }

    /** Target, status, how often and when, then the evidence. */
    static String description(InspectionRun run, CheckResult result, Finding finding) {
        StringBuilder text = new StringBuilder()
                .append("Target: ").append(result.target()).append(" (").append(result.kind()).append(")\n")
                .append("Status: ").append(result.status()).append(" — ").append(result.message()).append('\n')
                .append("Occurrences in this run: ").append(finding.count()).append('\n');
        if (finding.firstSeen() != null) {
            text.append("First seen: ").append(finding.firstSeen()).append('\n');
        }
        if (finding.lastSeen() != null) {
            text.append("Last seen: ").append(finding.lastSeen()).append('\n');
        }
        text.append("Inspection run: ").append(run.id()).append(", started ").append(run.startedAt()).append('\n')
                .append("Fingerprint: ").append(finding.fingerprint()).append("\n\nEvidence:\n")
                .append(finding.evidence() == null ? "(none)" : finding.evidence());
        return cut(text.toString(), 9000);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
