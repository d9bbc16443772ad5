package io.opsdesk.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.SafeText;
import io.opsdesk.ticket.TextRules;
import io.opsdesk.ticket.TicketRules;
import io.opsdesk.ticket.TicketType;

/**
 * The portal's "new ticket" form, with the API's rules ({@link TicketRules}); messages come from
 * {@code messages_*.properties} by constraint name ({@code NotBlank}, {@code Size}, ...).
 */
public class TicketForm {

    @NotNull
    private TicketType type;
    @NotBlank
    @Size(max = TicketRules.TITLE_MAX)
    @SafeText
    private String title;
    @NotBlank
    @Size(max = TicketRules.DESCRIPTION_MAX)
    @SafeText(kind = TextRules.Kind.MULTI_LINE)
    private String description;
    @NotBlank
    @Size(max = TicketRules.SYSTEM_MAX)
    // empty is NotBlank's to report, so a blank field gets one message, not two
    @Pattern(regexp = "(" + TicketRules.SYSTEM_PATTERN + ")?")
    private String system;
    @NotNull
    private Level impact = Level.MEDIUM;
    @NotNull
    private Level urgency = Level.MEDIUM;
    @NotBlank
    @Size(max = TicketRules.NAME_MAX)
    @SafeText
    private String name;
    @NotBlank
    @Size(max = TicketRules.EMAIL_MAX)
    @Email
    @SafeText
    private String email;
    @Size(max = TicketRules.ORGANIZATION_MAX)
    @SafeText
    private String organization;
    @NotNull
    @Pattern(regexp = TicketRules.LOCALES)
    private String locale;
    /** Random per rendered form: a double submit creates one ticket (the API's Idempotency-Key). */
    @Pattern(regexp = "[A-Za-z0-9-]{1,64}")
    private String submission;

    NewTicket toNewTicket() {
        return new NewTicket(type, title.strip(), description, system.strip(), impact, urgency, name.strip(),
                email.strip(), organization == null || organization.isBlank() ? null : organization.strip(), locale, "PORTAL");
    }

    public TicketType getType() {
        return type;
    }

    public void setType(TicketType type) {
        this.type = type;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSystem() {
        return system;
    }

    public void setSystem(String system) {
        this.system = system;
    }

    public Level getImpact() {
        return impact;
    }

    public void setImpact(Level impact) {
        this.impact = impact;
    }

    public Level getUrgency() {
        return urgency;
    }

    public void setUrgency(Level urgency) {
        this.urgency = urgency;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getOrganization() {
        return organization;
    }

    public void setOrganization(String organization) {
        this.organization = organization;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getSubmission() {
        return submission;
    }

    public void setSubmission(String submission) {
        this.submission = submission;
    }
}
