package io.opsdesk.engine;

/**
 * Text kept in process or task variables: Camunda stores a string variable in a 4000-character column,
 * so longer text is cut, visibly, a little below that.
 */
public final class ProcessText {

    public static final int LIMIT = 3900;

    private ProcessText() {
    }

    public static String fit(CharSequence text) {
        return text.length() <= LIMIT ? text.toString() : text.subSequence(0, LIMIT - 1) + "…";
    }
}
