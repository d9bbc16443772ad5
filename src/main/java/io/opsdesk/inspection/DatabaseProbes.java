package io.opsdesk.inspection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one dialect's queries on an open connection and reads their rows; each query's SQL error is the caller's to report. */
final class DatabaseProbes {

    /** A session waiting for a lock and the session holding it. */
    record BlockedSession(String blockedId, String blockingId, long waitSeconds, String blockedUser, String blockedStatement,
                          String blockingUser, String blockingStatement) {
    }

    /** An open transaction of another session. */
    record OpenTransaction(String sessionId, long ageSeconds, String user, String state, String statement, String started) {
    }

    /** A database or tablespace: bytes used, and percent of its maximum when the DBMS knows one. */
    record SpaceUsage(String name, Long bytes, Double usedPercent) {
    }

    /** Connections in use, and the server's maximum when it has one. */
    record ConnectionUse(long used, Long max) {
    }

    private interface Reader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final Connection connection;
    private final DatabaseDialect dialect;
    private final int timeoutSeconds;

    DatabaseProbes(Connection connection, DatabaseDialect dialect, int timeoutSeconds) {
        this.connection = connection;
        this.dialect = dialect;
        this.timeoutSeconds = timeoutSeconds;
    }

    List<BlockedSession> blockedSessions() throws SQLException {
        return query(dialect.blockedSessions(), row -> new BlockedSession(row.getString(1), row.getString(2), row.getLong(3),
                row.getString(4), row.getString(5), row.getString(6), row.getString(7)));
    }

    List<OpenTransaction> openTransactions() throws SQLException {
        return query(dialect.longTransactions(), row -> new OpenTransaction(row.getString(1), row.getLong(2), row.getString(3),
                row.getString(4), row.getString(5), row.getString(6)));
    }

    List<SpaceUsage> size() throws SQLException {
        return query(dialect.size(), row -> new SpaceUsage(row.getString(1), longOrNull(row, 2), doubleOrNull(row, 3)));
    }

    ConnectionUse connections() throws SQLException {
        List<ConnectionUse> rows = query(dialect.connections(), row -> new ConnectionUse(row.getLong(1), longOrNull(row, 2)));
        if (rows.isEmpty()) {
            throw new SQLException("the connection query returned no row: " + dialect.connections());
        }
        return rows.get(0);
    }

    /** Sessions whose details this user cannot see; 0 when the dialect has no such limit or it sees all. */
    long hiddenSessions() throws SQLException {
        if (dialect.hiddenSessions() == null) {
            return 0;
        }
        List<Long> rows = query(dialect.hiddenSessions(), row -> row.getLong(1));
        return rows.isEmpty() ? -1 : rows.get(0);
    }

    private <T> List<T> query(String sql, Reader<T> reader) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rows = statement.executeQuery(sql)) {
                List<T> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(reader.read(rows));
                }
                return read;
            }
        }
    }

    private static Long longOrNull(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
