package io.opsdesk.inspection;

/** The outcome of one check, from best to worst. */
public enum CheckStatus {
    /** Everything within its limits. */
    OK,
    /** The target answers but something is beyond a limit (slow, nearly full, errors in its log). */
    WARNING,
    /** The target could not be checked or does not work (down, refused, wrong answer). */
    FAILED;

    /** The worse of two statuses. */
    public CheckStatus worst(CheckStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
