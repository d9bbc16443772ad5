package io.opsdesk.ticket;

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
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 10000) String description,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N} ._/-]+", message = "may contain letters, digits, space, '.', '_', '/' and '-' only") String system,
            @NotNull Level impact,
            @NotNull Level urgency,
            @NotNull @Valid Customer customer) {
    }

    record Customer(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\r\\n]*", message = "must be on one line") String name,
            @NotBlank @Size(max = 254) @Email String email,
            @Size(max = 200) @Pattern(regexp = "[^\\r\\n]*", message = "must be on one line") String organization,
            @Pattern(regexp = "zh-CN|en", message = "must be zh-CN or en") String locale) {
    }

    record Created(String key, TicketStatus status, String trackingToken, String trackingUrl) {
    }

    record Reply(@NotBlank @Size(max = 10000) String message) {
    }

    record Acceptance(@NotNull Boolean accepted, @Size(max = 2000) String comment, @Min(1) @Max(5) Integer rating) {
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
            List<TimelineEntry> timeline) {

        static TicketView of(Ticket t, List<TimelineEntry> timeline, boolean staff) {
            return new TicketView(t.key(), t.type(), t.title(), t.description(), t.system(), t.impact(), t.urgency(),
                    t.priority(), t.status(), t.source(),
                    new CustomerView(t.customerName(), t.customerEmail(), t.customerOrganization(), t.customerLocale()),
                    staff ? t.owningGroup() : null, staff ? t.assignee() : null, t.handlingPlan(),
                    t.feasible(), staff ? t.effortDays() : null, t.agreedDeliveryDate(), t.declineReason(), t.resolution(),
                    staff ? t.testFailureCount() : 0, t.acceptanceRating(), t.acceptanceComment(),
                    t.createdAt(), t.firstResponseAt(), t.resolvedAt(), t.closedAt(), t.updatedAt(), timeline);
        }
    }

    record TicketSummary(String key, TicketType type, String title, String system, String priority, TicketStatus status,
                         String owningGroup, String assignee, String customerName, Instant createdAt, Instant updatedAt) {

        static TicketSummary of(Ticket t) {
            return new TicketSummary(t.key(), t.type(), t.title(), t.system(), t.priority(), t.status(), t.owningGroup(),
                    t.assignee(), t.customerName(), t.createdAt(), t.updatedAt());
        }
    }

    record Page(List<TicketSummary> items, int page, int size, long total) {
    }
}
