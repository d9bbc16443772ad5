package io.opsdesk.ticket;

import java.time.Instant;
import java.time.LocalDate;

/** A row of the {@code ticket} table. */
public record Ticket(
        long id,
        String key,
        TicketType type,
        String title,
        String description,
        String system,
        Level impact,
        Level urgency,
        String priority,
        TicketStatus status,
        String source,
        String customerName,
        String customerEmail,
        String customerOrganization,
        String customerLocale,
        String owningGroup,
        String assignee,
        String handlingPlan,
        Boolean feasible,
        Integer effortDays,
        LocalDate agreedDeliveryDate,
        String declineReason,
        String resolution,
        int testFailureCount,
        Integer acceptanceRating,
        String acceptanceComment,
        Instant createdAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        Instant updatedAt,
        Sla sla) {

    /** The SLA clocks as stored: targets, due dates, breaches and paused business time. */
    public record Sla(
            String customerTier,
            String calendar,
            String firstResponseTarget,
            String resolutionTarget,
            Instant firstResponseDue,
            Instant resolutionDue,
            Instant firstResponseBreachedAt,
            Instant resolutionBreachedAt,
            long pausedSeconds,
            Instant pausedSince) {
    }
}
