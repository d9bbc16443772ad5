package io.opsdesk.release;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

import io.opsdesk.notification.StaffNotifier;

/** Staff mail about releases, in the team's locale: the rollback notice. */
@Service
class ReleaseMailer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    private final ReleaseService releases;
    private final StaffNotifier staff;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final ReleaseProperties properties;
    private final Locale locale;
    private final String publicUrl;

    ReleaseMailer(ReleaseService releases, StaffNotifier staff, TemplateEngine templates, MessageSource messages,
                  ReleaseProperties properties, @Value("${opsdesk.staff-locale}") String locale,
                  @Value("${opsdesk.public-url}") String publicUrl) {
        this.releases = releases;
        this.staff = staff;
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.locale = Locale.forLanguageTag(locale);
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Tells the rollback-notice group what failed and what was rolled back; returns the addresses mailed. */
    List<String> rollbackNotice(long id) {
        Release release = releases.find(id).orElseThrow();
        Context context = new Context(locale);
        context.setVariable("release", release);
        context.setVariable("rolledBackAt", release.rolledBackAt() == null ? "-"
                : TIME.format(ZonedDateTime.ofInstant(release.rolledBackAt(), properties.zone())));
        context.setVariable("releaseUrl", publicUrl + "/api/releases/" + release.key());
        context.setVariable("cockpitUrl", publicUrl + "/camunda/app/cockpit/default/#/process-instance/" + release.processInstanceId());
        String subject = messages.getMessage("staff.release.rollback.subject",
                new Object[] {release.key(), release.version()}, locale);
        return staff.mailGroup(properties.rollbackNoticeGroup(), subject, templates.process("staff/release-rollback", context), Map.of());
    }
}
