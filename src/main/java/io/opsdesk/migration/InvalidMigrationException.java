package io.opsdesk.migration;

/** A migration request OpsDesk refuses before anything moves: the field at fault and what is wrong with it. */
public class InvalidMigrationException extends RuntimeException {

    private final String field;

    InvalidMigrationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
