package io.opsdesk.migration;

import java.util.List;

/**
 * What a migration did or would do, ticket by ticket. In a dry run {@code batchIds} is empty and
 * {@code migratable} says whether the ticket could move; in a real run the migratable tickets are in
 * the Camunda batches named (Cockpit, Batches), and their timelines record the move when it happens.
 */
record MigrationReport(String processKey, int targetVersion, boolean dryRun, int migratable, int refused,
                       List<String> batchIds, List<TicketMigration> tickets) {

    /**
     * One running ticket: where it is, whether it can move to the target version, and if not why not
     * (the messages of Camunda's migration validation, each prefixed with the activity it concerns).
     */
    record TicketMigration(String ticketKey, String processInstanceId, int fromVersion, List<String> activities,
                           boolean migratable, List<String> reasons) {
    }

    static MigrationReport of(String processKey, int targetVersion, boolean dryRun, List<String> batchIds,
                              List<TicketMigration> tickets) {
        int migratable = (int) tickets.stream().filter(TicketMigration::migratable).count();
        return new MigrationReport(processKey, targetVersion, dryRun, migratable, tickets.size() - migratable,
                batchIds, tickets);
    }
}
