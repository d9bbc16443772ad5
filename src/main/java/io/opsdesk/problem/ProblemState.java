package io.opsdesk.problem;

/** A problem's own small process: investigated, then a known error with a workaround, then fixed. */
public enum ProblemState {
    INVESTIGATING, KNOWN_ERROR, FIXED;

    public boolean isOpen() {
        return this != FIXED;
    }
}
