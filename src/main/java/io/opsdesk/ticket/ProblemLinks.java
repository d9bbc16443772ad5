package io.opsdesk.ticket;

import java.util.List;

/**
 * What a ticket needs from problem management ({@code io.opsdesk.problem} implements it, so the ticket knows no
 * problem table): to be linked from the triage and resolution forms, and the known errors its tasks show support.
 */
public interface ProblemLinks {

    /** The form value that asks for a new problem instead of naming one. */
    String NEW = "new";

    /**
     * Links the ticket to the problem {@code reference} names: a key such as {@code PRB-000003}, or {@link #NEW} for a
     * new problem titled {@code newTitle} (the ticket's title when blank) on the ticket's system. Returns the problem's
     * key; refuses with a {@code DomainException} naming the field.
     */
    String link(String ticketKey, String reference, String newTitle, String actor);

    /** The problems the ticket is linked to, the newest first, with what support should know of each. */
    List<KnownError> knownErrors(String ticketKey);

    /** A linked problem as support sees it on the ticket's tasks; {@code workaround} may be null. */
    record KnownError(String problemKey, String title, String state, String workaround) {
    }
}
