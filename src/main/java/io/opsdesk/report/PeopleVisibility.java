package io.opsdesk.report;

import java.util.Set;

import org.springframework.security.core.Authentication;

import io.opsdesk.identity.Groups;

/**
 * Who sees the people's and groups' figures: members of {@code managers} and {@code supervisors}. Everyone else who
 * may read a report (today {@code camunda-admin}) gets it without them, on the page, in JSON and in CSV. The mail
 * has them only when it goes to one of these groups ({@code opsdesk.report.recipients-group}, {@code managers} by
 * default). The stored report always keeps them.
 */
final class PeopleVisibility {

    static final Set<String> GROUPS = Set.of(Groups.MANAGERS, Groups.SUPERVISORS);

    private PeopleVisibility() {
    }

    static boolean sees(Authentication reader) {
        return reader != null && reader.getAuthorities().stream()
                .anyMatch(granted -> GROUPS.stream().map(Groups::authority).anyMatch(granted.getAuthority()::equals));
    }

    /** The stored report as {@code reader} may see it. */
    static StoredReport shownTo(StoredReport stored, Authentication reader) {
        return shown(stored, sees(reader));
    }

    /** The stored report as the members of {@code group} may see it. */
    static StoredReport shownToGroup(StoredReport stored, String group) {
        return shown(stored, GROUPS.contains(group));
    }

    private static StoredReport shown(StoredReport stored, boolean seesPeople) {
        return seesPeople || stored.report().people() == null ? stored
                : new StoredReport(stored.id(), stored.triggeredBy(), stored.mailedAt(), stored.mailedTo(),
                        stored.report().withoutPeople());
    }
}
