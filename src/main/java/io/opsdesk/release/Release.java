package io.opsdesk.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A row of {@code software_release} with the tickets it includes, in the order they were named. */
public record Release(
        long id,
        String key,
        String version,
        String summary,
        ReleaseStatus status,
        String requestedBy,
        Instant requestedAt,
        String processInstanceId,
        String releaseNotes,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        Instant windowStart,
        Instant windowEnd,
        String deployedBy,
        Instant deployedAt,
        String deploymentNotes,
        String verifiedBy,
        Instant verifiedAt,
        String verificationNotes,
        String rolledBackBy,
        Instant rolledBackAt,
        String rollbackNotes,
        Instant finishedAt,
        List<IncludedTicket> tickets) {

    private static final Pattern KEY = Pattern.compile("REL-(\\d{1,18})");

    /** A ticket the release delivers: its state now, and when the release delivered it. */
    public record IncludedTicket(String key, String title, String type, String priority, String system, String status,
                                 Instant deliveredAt, String note) {
    }

    /** {@code REL-<id>}, the release's key and its process's business key. */
    public static String key(long id) {
        return "REL-" + id;
    }

    public static Optional<Long> idOf(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key);
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** The same release with these included tickets. */
    Release withTickets(List<IncludedTicket> included) {
        return new Release(id, key, version, summary, status, requestedBy, requestedAt, processInstanceId, releaseNotes,
                decidedBy, decidedAt, decisionComment, windowStart, windowEnd, deployedBy, deployedAt, deploymentNotes,
                verifiedBy, verifiedAt, verificationNotes, rolledBackBy, rolledBackAt, rollbackNotes, finishedAt, included);
    }

    public List<String> ticketKeys() {
        return tickets.stream().map(IncludedTicket::key).toList();
    }
}
