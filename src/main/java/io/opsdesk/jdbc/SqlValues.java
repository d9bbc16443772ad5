package io.opsdesk.jdbc;

import java.time.Instant;

/** A value bound as a statement parameter: an instant as a timestamp ({@link SqlTime}), an enum by its name. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Object parameter(Object value) {
        if (value instanceof Instant instant) {
            return SqlTime.timestamp(instant);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
