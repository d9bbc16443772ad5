package io.opsdesk.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;

import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketStatus;
import io.opsdesk.ticket.TimelineEntry;

/**
 * What the tracking page shows, in the customer's words: dates in the ticket's zone, status and
 * timeline entries as sentences from {@code messages_*.properties}, the customer's own texts as given.
 */
record TrackingPage(Ticket ticket, String status, String statusExplained, String created,
                    String firstResponseDue, String firstResponseAt, String resolutionDue, String resolvedAt,
                    boolean paused, List<Entry> timeline, boolean canReply, boolean awaitingAcceptance) {

    private static final Pattern STATUS = Pattern.compile("Status: ([A-Z_]+)");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One public timeline entry: when, what happened, and the customer's own words if any. */
    record Entry(String at, String what, String text) {
    }

    static TrackingPage of(Ticket ticket, List<TimelineEntry> timeline, MessageSource messages, Locale locale, ZoneId zone) {
        DateTimeFormatter format = FORMAT.withZone(zone);
        Ticket.Sla sla = ticket.sla();
        List<Entry> entries = timeline.stream().map(entry -> entry(entry, messages, locale, format)).toList();
        return new TrackingPage(ticket,
                messages.getMessage("portal.status." + ticket.status(), null, locale),
                messages.getMessage("portal.status." + ticket.status() + ".explained", null, locale),
                format(ticket.createdAt(), format), format(sla.firstResponseDue(), format), format(ticket.firstResponseAt(), format),
                format(sla.resolutionDue(), format), format(ticket.resolvedAt(), format), sla.pausedSince() != null,
                entries, !ticket.status().isFinal(), ticket.status() == TicketStatus.AWAITING_ACCEPTANCE);
    }

    private static Entry entry(TimelineEntry entry, MessageSource messages, Locale locale, DateTimeFormatter format) {
        String at = format.format(entry.occurredAt());
        String type = entry.type();
        if ("STATUS".equals(type)) {
            Matcher status = STATUS.matcher(entry.message());
            String name = status.find() ? status.group(1) : null;
            String label = name == null ? entry.message()
                    : messages.getMessage("portal.status." + name, null, name, locale);
            return new Entry(at, messages.getMessage("portal.timeline.STATUS", new Object[] {label}, locale), null);
        }
        // "Priority P3" -> P3; other entries pass their text, which only some messages use
        Object argument = "PRIORITY".equals(type) ? entry.message().replaceFirst("^Priority ", "") : entry.message();
        String what = messages.getMessage("portal.timeline." + type, new Object[] {argument}, "", locale);
        return switch (type) {
            case "CUSTOMER_REPLY", "REJECTED" -> new Entry(at, what, entry.message());
            case "MAIL" -> new Entry(at, what, entry.message().replaceFirst("^Mail sent to the customer: ", ""));
            default -> what.isEmpty() ? new Entry(at, entry.message(), null) : new Entry(at, what, null);
        };
    }

    private static String format(Instant instant, DateTimeFormatter format) {
        return instant == null ? null : format.format(instant);
    }
}
