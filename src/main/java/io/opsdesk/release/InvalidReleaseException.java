package io.opsdesk.release;

import io.opsdesk.domain.DomainException;

/** A release request OpsDesk refuses, naming the field at fault as the API spells it ({@code tickets[1]}). */
public class InvalidReleaseException extends DomainException {

    InvalidReleaseException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
