package io.opsdesk.inspection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two real sessions on one database: the holder updates a row and keeps its transaction open, the waiter updates the
 * same row in a thread of its own and so waits for the holder's lock until {@link #close()} rolls the holder back.
 */
final class LockScenario implements AutoCloseable {

    final String holderId;
    final String waiterId;
    private final Connection holder;
    private final Connection waiter;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<Integer> waiting;

    /** {@code table} has a row with {@code id = 1} and a column {@code v}; {@code sessionIdSql} answers the session's own id. */
    LockScenario(String url, String user, String password, String table, String sessionIdSql) throws SQLException {
        holder = DriverManager.getConnection(url, user, password);
        waiter = DriverManager.getConnection(url, user, password);
        holderId = single(holder, sessionIdSql);
        waiterId = single(waiter, sessionIdSql);
        holder.setAutoCommit(false);
        try (Statement statement = holder.createStatement()) {
            statement.executeUpdate("update " + table + " set v = v + 1 where id = 1");
        }
        waiting = thread.submit(() -> {
            try (Statement statement = waiter.createStatement()) {
                return statement.executeUpdate("update " + table + " set v = v + 10 where id = 1");
            }
        });
    }

    /** Whether the waiter is still waiting (it would have failed or finished otherwise). */
    boolean waiterStillWaits() {
        return !waiting.isDone();
    }

    @Override
    public void close() throws Exception {
        try {
            holder.rollback();
            waiting.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
            holder.close();
            waiter.close();
        }
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }
}
