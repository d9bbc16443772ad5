package io.opsdesk.domain;

/**
 * A request the domain refuses, with what kind of refusal it is and the field at fault when there is
 * one. Features throw it (or a subclass); {@code web/} answers it as a problem detail with the status of
 * its {@link Kind}, and channels such as mail intake catch it by kind. The domain knows no HTTP.
 */
public class DomainException extends RuntimeException {

    /** What went wrong, from the caller's side; {@code web/} maps each to one HTTP status. */
    public enum Kind {
        /** The input breaks a rule (400). */
        INVALID,
        /** No such thing, or the caller may not see it (404). */
        NOT_FOUND,
        /** The thing is in a state that does not allow this now (409). */
        CONFLICT,
        /** Understood, but cannot be processed as asked, e.g. a reused idempotency key (422). */
        UNPROCESSABLE,
        /** Content that is too large to store (413). */
        TOO_LARGE,
        /** Content of a type that may not be stored (415). */
        UNSUPPORTED_TYPE
    }

    private final Kind kind;
    private final String field;

    public DomainException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(Kind.INVALID, field, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, null, message);
    }

    public static DomainException conflict(String field, String message) {
        return new DomainException(Kind.CONFLICT, field, message);
    }

    public static DomainException unprocessable(String field, String message) {
        return new DomainException(Kind.UNPROCESSABLE, field, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }
}
