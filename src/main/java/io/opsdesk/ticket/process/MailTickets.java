package io.opsdesk.ticket.process;

import io.opsdesk.notification.MailTicket;
import io.opsdesk.ticket.Ticket;

/** A ticket as the mails show it. */
final class MailTickets {

    private MailTickets() {
    }

    static MailTicket of(Ticket t) {
        return new MailTicket(t.id(), t.key(), t.title(), t.status().name(), t.priority(), t.customerName(),
                t.customerEmail(), t.customerOrganization(), t.customerLocale(), t.owningGroup(), t.assignee(),
                t.resolution());
    }
}
