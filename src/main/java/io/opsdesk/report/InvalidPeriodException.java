package io.opsdesk.report;

/** A report period asked for that cannot be: names the field at fault. */
class InvalidPeriodException extends RuntimeException {

    private final String field;

    InvalidPeriodException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
