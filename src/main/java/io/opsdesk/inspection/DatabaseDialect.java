package io.opsdesk.inspection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The SQL of the built-in database checks for one DBMS. Each query returns the columns its
 * {@link DatabaseProbes} reader expects, in that order:
 *
 * @param name             what the dialect is called in configuration ({@code database.dialect}) and in messages
 * @param blockedSessions  one row per waiting session and the session it waits for: blocked id, blocking id, seconds
 *                         waited, blocked user, blocked statement, blocking user, blocking statement
 * @param longTransactions one row per open transaction of another session: session id, age in seconds, user, state,
 *                         statement, when it started (text)
 * @param size             one row per database or tablespace: name, bytes used, percent of its maximum used (or null)
 * @param connections      one row: connections in use, the server's maximum (or null when it has none)
 * @param hiddenSessions   one row, one number: sessions this user cannot see the details of (0: sees all, -1: an unknown number), or null
 *                         when a missing privilege shows as an error of the other queries instead
 */
record DatabaseDialect(String name, String blockedSessions, String longTransactions, String size, String connections,
                       String hiddenSessions) {

    static final String AUTO = "auto";
    static final String NONE = "none";

    static final List<DatabaseDialect> ALL = List.of(PostgresDialect.DIALECT, MySqlDialects.MYSQL, MySqlDialects.MARIADB,
            OracleDialect.DIALECT, H2Dialect.DIALECT);

    /** The dialect configured by name, or for {@code auto} the one the JDBC URL names; empty for {@code none} or an unknown DBMS. */
    static Optional<DatabaseDialect> choose(String configured, String jdbcUrl) {
        String wanted = configured == null || configured.isBlank() ? AUTO : configured.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(NONE)) {
            return Optional.empty();
        }
        if (!wanted.equals(AUTO)) {
            return Optional.of(ALL.stream().filter(d -> d.name().equals(wanted)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("database.dialect '" + configured + "' is none of auto, none, "
                            + ALL.stream().map(DatabaseDialect::name).toList())));
        }
        return forUrl(jdbcUrl);
    }

    /** By the JDBC URL's prefix: jdbc:postgresql, jdbc:mysql, jdbc:mariadb, jdbc:oracle, jdbc:h2. */
    static Optional<DatabaseDialect> forUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(PostgresDialect.DIALECT);
        }
        if (url.startsWith("jdbc:mysql:")) {
            return Optional.of(MySqlDialects.MYSQL);
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return Optional.of(MySqlDialects.MARIADB);
        }
        if (url.startsWith("jdbc:oracle:")) {
            return Optional.of(OracleDialect.DIALECT);
        }
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2Dialect.DIALECT);
        }
        return Optional.empty();
    }
}
