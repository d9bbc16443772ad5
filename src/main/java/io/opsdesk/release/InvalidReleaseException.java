package io.opsdesk.release;

/** A release request OpsDesk refuses, naming the field at fault as the API spells it ({@code tickets[1]}). */
public class InvalidReleaseException extends RuntimeException {

    private final String field;

    InvalidReleaseException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
