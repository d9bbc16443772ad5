package io.opsdesk.migration;

/**
 * The body of {@code POST /api/processes/support-ticket/migrations}. The versions arrive as text so that
 * "2", 2 and "latest" are all read the same way and anything else is refused with the field named.
 *
 * @param targetVersion the version to move to; absent or {@code "latest"}: the newest deployed version
 * @param sourceVersion only tickets on this version; absent: every ticket on a version older than the target
 * @param dryRun        true: only report which tickets could move and why not; nothing changes
 */
record MigrationRequest(String targetVersion, String sourceVersion, Boolean dryRun) {

    static final MigrationRequest DEFAULT = new MigrationRequest(null, null, false);

    boolean isDryRun() {
        return Boolean.TRUE.equals(dryRun);
    }
}
