package io.opsdesk.ticket;

import io.opsdesk.engine.EngineTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON of OpsDesk's ticket API. */
final class TicketApi {

    private TicketApi() {
    }

    record CreateTicket(
            @NotNull TicketType type,
            @NotBlank @Size(max = TicketRules.TITLE_MAX) @SafeText String title,
            @NotBlank @Size(max = TicketRules.DESCRIPTION_MAX) @SafeText(kind = TextRules.Kind.MULTI_LINE) String description,
            @NotBlank @Size(max = TicketRules.SYSTEM_MAX) @Pattern(regexp = TicketRules.SYSTEM_PATTERN, message = "may contain letters, digits, space, '.', '_', '/' and '-' only") String system,
            @NotNull Level impact,
            @NotNull Level urgency,
            @NotNull @Valid Customer customer) {
    }

    record Customer(
            @NotBlank @Size(max = TicketRules.NAME_MAX) @SafeText String name,
            @NotBlank @Size(max = TicketRules.EMAIL_MAX) @Email @SafeText String email,
            @Size(max = TicketRules.ORGANIZATION_MAX) @SafeText String organization,
            @Pattern(regexp = TicketRules.LOCALES, message = "must be zh-CN or en") String locale) {
    }

    record Created(String key, TicketStatus status, String trackingToken, String trackingUrl) {
    }

    record Reply(@NotBlank @Size(max = TicketRules.REPLY_MAX) @SafeText(kind = TextRules.Kind.MULTI_LINE) String message) {
    }

    record Acceptance(@NotNull Boolean accepted, @Size(max = TicketRules.ACCEPTANCE_COMMENT_MAX) @SafeText(kind = TextRules.Kind.MULTI_LINE) String comment, @Min(1) @Max(5) Integer rating) {
    }

    record CustomerView(String name, String email, String organization, String locale) {
    }

    record TicketView(
            String key, TicketType type, String title, String description, String system,
            Level impact, Level urgency, String priority, TicketStatus status, String source,
            CustomerView customer, String owningGroup, String assignee, String handlingPlan,
            Boolean feasible, Integer effortDays, LocalDate agreedDeliveryDate, String declineReason, String resolution,
            int testFailureCount, Integer acceptanceRating, String acceptanceComment,
            Instant createdAt, Instant firstResponseAt, Instant resolvedAt, Instant closedAt, Instant updatedAt,
            SlaView sla, List<TimelineEntry> timeline) {

        static TicketView of(Ticket t, List<TimelineEntry> timeline, boolean staff) {
            return new TicketView(t.key(), t.type(), t.title(), t.description(), t.system(), t.impact(), t.urgency(),
                    t.priority(), t.status(), t.source(),
                    new CustomerView(t.customerName(), t.customerEmail(), t.customerOrganization(), t.customerLocale()),
                    staff ? t.owningGroup() : null, staff ? t.assignee() : null, t.handlingPlan(),
                    t.feasible(), staff ? t.effortDays() : null, t.agreedDeliveryDate(), t.declineReason(), t.resolution(),
                    staff ? t.testFailureCount() : 0, t.acceptanceRating(), t.acceptanceComment(),
                    t.createdAt(), t.firstResponseAt(), t.resolvedAt(), t.closedAt(), t.updatedAt(), SlaView.of(t), timeline);
        }
    }

    /**
     * The SLA as a customer or supervisor reads it. {@code met} is true or false once the clock stopped,
     * false as soon as a running clock is past due, and null while it is still running in time.
     */
    record SlaView(String calendar, String customerTier, Instant firstResponseDue, Boolean firstResponseMet,
                   Instant resolutionDue, Boolean resolutionMet, boolean paused, Duration pausedBusinessTime) {

        static SlaView of(Ticket t) {
            Ticket.Sla sla = t.sla();
            if (sla.calendar() == null) {
                return null;
            }
            Instant now = EngineTime.now();
            return new SlaView(sla.calendar(), sla.customerTier(),
                    sla.firstResponseDue(), met(t.firstResponseAt(), sla.firstResponseDue(), sla.firstResponseBreachedAt(), false, now),
                    sla.resolutionDue(), met(t.resolvedAt(), sla.resolutionDue(), sla.resolutionBreachedAt(), sla.pausedSince() != null, now),
                    sla.pausedSince() != null, Duration.ofSeconds(sla.pausedSeconds()));
        }

        private static Boolean met(Instant stoppedAt, Instant due, Instant breachedAt, boolean paused, Instant now) {
            if (stoppedAt != null) {
                return !stoppedAt.isAfter(due) && breachedAt == null;
            }
            if (breachedAt != null || (!paused && now.isAfter(due))) {
                return false;
            }
            return null;
        }
    }

    record TicketSummary(String key, TicketType type, String title, String system, String priority, TicketStatus status,
                         String owningGroup, String assignee, String customerName, Instant createdAt, Instant updatedAt,
                         Instant firstResponseDue, Instant resolutionDue) {

        static TicketSummary of(Ticket t) {
            return new TicketSummary(t.key(), t.type(), t.title(), t.system(), t.priority(), t.status(), t.owningGroup(),
                    t.assignee(), t.customerName(), t.createdAt(), t.updatedAt(), t.sla().firstResponseDue(), t.sla().resolutionDue());
        }
    }

    record Page(List<TicketSummary> items, int page, int size, long total) {
    }
}
