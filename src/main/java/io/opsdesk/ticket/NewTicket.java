package io.opsdesk.ticket;

/** What a ticket is created from, whichever channel it came through. */
public record NewTicket(
        TicketType type,
        String title,
        String description,
        String system,
        Level impact,
        Level urgency,
        String customerName,
        String customerEmail,
        String customerOrganization,
        String customerLocale,
        String source) {
}
