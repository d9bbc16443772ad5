package io.opsdesk.notification;

/**
 * What a mail says about a ticket, as values: notification knows no ticket store. The templates read these
 * as {@code ticket.key}, {@code ticket.title}, ...
 */
public record MailTicket(long id, String key, String title, String status, String priority, String customerName,
                         String customerEmail, String customerOrganization, String customerLocale, String owningGroup,
                         String assignee, String resolution) {
}
