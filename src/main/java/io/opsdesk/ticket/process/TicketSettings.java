package io.opsdesk.ticket.process;

import io.opsdesk.engine.ProcessBean;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Waiting times of the ticket process ({@code opsdesk.ticket.*}); the BPMN timers read them as ISO-8601
 * durations, e.g. {@code ${ticketSettings.reminderAfter}}.
 */
@ProcessBean("ticketSettings")
@ConfigurationProperties("opsdesk.ticket")
public class TicketSettings {

    /** How long after asking for information the customer is reminded, once. */
    private Duration reminderAfter = Duration.ofDays(3);
    /** How long after asking for information an unanswered ticket is closed as abandoned. */
    private Duration abandonAfter = Duration.ofDays(7);
    /** How long the customer has to accept or reject a delivery before the ticket closes. */
    private Duration acceptanceWindow = Duration.ofDays(7);
    /** The team's time zone: agreed delivery dates are due at the end of that day there. */
    private ZoneId zone = ZoneId.of("Asia/Shanghai");

    public String getReminderAfter() {
        return reminderAfter.toString();
    }

    public void setReminderAfter(Duration reminderAfter) {
        this.reminderAfter = reminderAfter;
    }

    public String getAbandonAfter() {
        return abandonAfter.toString();
    }

    public void setAbandonAfter(Duration abandonAfter) {
        if (abandonAfter.compareTo(reminderAfter) <= 0) {
            throw new IllegalArgumentException("opsdesk.ticket.abandon-after must be longer than reminder-after");
        }
        this.abandonAfter = abandonAfter;
    }

    public String getAcceptanceWindow() {
        return acceptanceWindow.toString();
    }

    public void setAcceptanceWindow(Duration acceptanceWindow) {
        this.acceptanceWindow = acceptanceWindow;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }
}
