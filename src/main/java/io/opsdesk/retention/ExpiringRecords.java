package io.opsdesk.retention;

/**
 * Records a feature keeps for a while and then deletes: each owner of a table implements this for its own
 * records and setting, and {@link RetentionCleanup} runs them all on its schedule.
 */
public interface ExpiringRecords {

    /** What is deleted, for the log: "idempotency keys", "inspection runs", ... */
    String name();

    /** Deletes the records older than their retention; returns how many. */
    int deleteExpired();
}
