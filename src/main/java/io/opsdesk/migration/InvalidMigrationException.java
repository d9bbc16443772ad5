package io.opsdesk.migration;

import io.opsdesk.domain.DomainException;

/** A migration request OpsDesk refuses before anything moves: the field at fault and what is wrong with it. */
public class InvalidMigrationException extends DomainException {

    InvalidMigrationException(String field, String message) {
        super(Kind.INVALID, field, message);
    }
}
