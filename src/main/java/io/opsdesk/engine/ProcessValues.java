package io.opsdesk.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.exception.NotValidException;

/**
 * Typed reading of process and task variables, one place for all features: a value that is missing or of
 * the wrong kind fails with a {@link NotValidException} that names the variable (the form field) and what
 * is wrong, which Tasklist shows to the person completing the task.
 */
public final class ProcessValues {

    /** Longest text a form may submit; Camunda keeps longer strings, but a ticket's columns do not. */
    public static final int TEXT_LIMIT = 4000;

    private final VariableScope scope;

    private ProcessValues(VariableScope scope) {
        this.scope = scope;
    }

    public static ProcessValues of(VariableScope scope) {
        return new ProcessValues(scope);
    }

    /** The text, or null if it is missing or blank. */
    public String text(String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        if (text.length() > TEXT_LIMIT) {
            throw new NotValidException(name + ": 最多 " + TEXT_LIMIT + " 个字符，实际 " + text.length() + " / at most " + TEXT_LIMIT + " characters, got " + text.length());
        }
        return text;
    }

    public String requiredText(String name) {
        String text = text(name);
        if (text == null) {
            throw new NotValidException(name + ": 必填 / is required");
        }
        return text;
    }

    public <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        Object value = scope.getVariable(name);
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new NotValidException(name + ": '" + value + "' 不是可选值之一 / is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A yes/no answer the form must give; {@code question} says what it is about. */
    public boolean requiredFlag(String name, String question) {
        if (scope.getVariable(name) instanceof Boolean flag) {
            return flag;
        }
        throw new NotValidException(name + ": " + question);
    }

    /** An optional yes/no: absent is no; anything but a boolean is refused. */
    public boolean flag(String name, String question) {
        Object value = scope.getVariable(name);
        if (value != null && !(value instanceof Boolean)) {
            throw new NotValidException(name + ": " + question + " (true or false)");
        }
        return Boolean.TRUE.equals(value);
    }

    /** A number of days (or similar) greater than 0 and at most {@code max}, rounded up. */
    public int positiveNumber(String name, int max, String what) {
        if (scope.getVariable(name) instanceof Number number && number.doubleValue() > 0 && number.doubleValue() <= max) {
            return (int) Math.ceil(number.doubleValue());
        }
        throw new NotValidException(name + ": give " + what + " greater than 0");
    }

    /** A date as {@code YYYY-MM-DD} (a date-time's date part is taken), or null if missing. */
    public LocalDate date(String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString();
        try {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw new NotValidException(name + ": '" + value + "' 不是日期（YYYY-MM-DD）/ is not a date (YYYY-MM-DD)");
        }
    }

    /**
     * A variable the process itself set, of {@code type}: empty when absent, an error naming it when of another
     * type. The one place a variable is cast.
     */
    public <T> Optional<T> value(String name, Class<T> type) {
        Object value = scope.getVariable(name);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalStateException(name + " is a " + value.getClass().getSimpleName() + ", not a "
                    + type.getSimpleName());
        }
        return Optional.ofNullable(type.cast(value));
    }

    /** A string variable the process itself set (no form limits). */
    public String string(String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }
}
