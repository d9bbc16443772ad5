package io.opsdesk.release;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.stereotype.Component;

import io.opsdesk.ticket.Ticket;

/** What people read about a release: its notes, the context of each form, the maintenance window in the team's zone. */
@Component
class ReleaseTexts {

    private static final DateTimeFormatter WINDOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReleaseProperties properties;

    ReleaseTexts(ReleaseProperties properties) {
        this.properties = properties;
    }

    /** Release notes: the version, the summary, and per ticket what was wrong and what was done. */
    static String notes(String version, String summary, List<Ticket> included) {
        StringBuilder notes = new StringBuilder("Release ").append(version).append('\n');
        if (summary != null) {
            notes.append('\n').append(summary).append('\n');
        }
        notes.append('\n').append("Delivers ").append(included.size()).append(included.size() == 1 ? " ticket:" : " tickets:").append('\n');
        for (Ticket ticket : included) {
            notes.append("- ").append(ticket.key()).append(" [").append(ticket.type())
                    .append(ticket.priority() == null ? "" : ", " + ticket.priority())
                    .append(", ").append(ticket.system()).append("] ").append(ticket.title()).append('\n');
            if (ticket.resolution() != null) {
                notes.append("  ").append(ticket.resolution().strip().replace("\n", "\n  ")).append('\n');
            }
        }
        return notes.toString();
    }

    /** What a person deciding or working on the release reads in each form. */
    String context(Release release) {
        StringBuilder text = new StringBuilder()
                .append(release.key()).append(" · ").append(release.status())
                .append(" · requested by ").append(release.requestedBy()).append('\n');
        if (release.windowStart() != null) {
            text.append("Maintenance window: ").append(window(release.windowStart(), release.windowEnd())).append('\n');
        }
        if (release.decisionComment() != null && !release.decisionComment().isEmpty()) {
            text.append("Approval by ").append(release.decidedBy()).append(": ").append(release.decisionComment()).append('\n');
        }
        if (release.deploymentNotes() != null) {
            text.append("Deployment by ").append(release.deployedBy()).append(": ").append(release.deploymentNotes()).append('\n');
        }
        if (release.verificationNotes() != null) {
            text.append("Verification by ").append(release.verifiedBy()).append(": ").append(release.verificationNotes()).append('\n');
        }
        return text.append('\n').append(release.releaseNotes()).toString();
    }

    /** "2026-12-08 22:00 to 2026-12-09 00:00 (Asia/Shanghai)". */
    String window(Instant start, Instant end) {
        return WINDOW_TIME.format(ZonedDateTime.ofInstant(start, properties.zone())) + " to "
                + WINDOW_TIME.format(ZonedDateTime.ofInstant(end, properties.zone())) + " (" + properties.zone() + ")";
    }
}
