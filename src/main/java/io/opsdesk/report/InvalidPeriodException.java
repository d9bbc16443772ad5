package io.opsdesk.report;

import io.opsdesk.domain.DomainException;

/** A report period asked for that cannot be: names the field at fault (the process variable's name). */
class InvalidPeriodException extends DomainException {

    InvalidPeriodException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
