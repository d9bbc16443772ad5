package io.opsdesk.web;

import org.springframework.http.HttpStatus;

import io.opsdesk.domain.DomainException;

/** The HTTP status of each kind of domain refusal: the one place where the domain's words become HTTP. */
final class DomainStatus {

    private DomainStatus() {
    }

    static HttpStatus of(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
    }
}
