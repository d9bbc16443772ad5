package io.opsdesk.problem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A row of the {@code problem} table with the tickets linked to it. */
public record Problem(long id, String key, String title, String system, String rootCause, String workaround, String fix,
                      ProblemState state, String createdBy, Instant createdAt, Instant updatedAt, Instant knownErrorAt,
                      Instant fixedAt, List<LinkedTicket> tickets) {

    private static final Pattern KEY = Pattern.compile("PRB-(\\d{1,18})", Pattern.CASE_INSENSITIVE);

    /** A ticket linked to the problem, with its title and status as the ticket has them now. */
    public record LinkedTicket(String key, String title, String status, String linkedBy, Instant linkedAt) {
    }

    /** {@code PRB-000001}: the problem's key and its process's business key. */
    public static String key(long id) {
        return String.format("PRB-%06d", id);
    }

    /** The id in a key such as {@code PRB-000003} or {@code prb-3}; empty if it is not one. */
    public static Optional<Long> idOf(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key.strip());
        return matcher.matches() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    Problem withTickets(List<LinkedTicket> linked) {
        return new Problem(id, key, title, system, rootCause, workaround, fix, state, createdBy, createdAt, updatedAt,
                knownErrorAt, fixedAt, List.copyOf(linked));
    }
}
