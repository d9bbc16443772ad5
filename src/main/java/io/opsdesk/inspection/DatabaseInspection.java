package io.opsdesk.inspection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsdesk.inspection.DatabaseProbes.BlockedSession;
import io.opsdesk.inspection.DatabaseProbes.ConnectionUse;
import io.opsdesk.inspection.DatabaseProbes.OpenTransaction;
import io.opsdesk.inspection.DatabaseProbes.SpaceUsage;

/**
 * The built-in database checks of a DATABASE target (有无锁表进程, 长事务, 表空间, 连接数): sessions blocked by a lock
 * longer than {@code max-lock-wait}, transactions open longer than {@code max-transaction-age}, database or tablespace
 * size against its limits, connections in use against the maximum. Each anomaly is one finding; a query the user may
 * not run is a finding too, never a silent pass.
 */
final class DatabaseInspection {

    /** What the built-in checks measured (for the result's message) and found; sizeBytes is the total size, or null. */
    record Outcome(List<String> measured, List<Finding> findings, Long sizeBytes) {
    }

    private interface Probe {
        void run() throws SQLException;
    }

    private final InspectionTarget target;
    private final DatabaseSettings settings;
    private final DatabaseDialect dialect;
    private final DatabaseProbes probes;
    private final Connection connection;
    private final List<String> measured = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private Long sizeBytes;

    private DatabaseInspection(InspectionTarget target, Connection connection, DatabaseDialect dialect, int timeoutSeconds) {
        this.target = target;
        this.settings = target.getDatabase();
        this.dialect = dialect;
        this.connection = connection;
        this.probes = new DatabaseProbes(connection, dialect, timeoutSeconds);
    }

    static Outcome inspect(InspectionTarget target, Connection connection, DatabaseDialect dialect, int timeoutSeconds) {
        DatabaseInspection inspection = new DatabaseInspection(target, connection, dialect, timeoutSeconds);
        inspection.probe("sessions", "会话可见性", "session visibility", inspection::visibility);
        inspection.probe("locks", "锁等待", "lock waits", inspection::locks);
        inspection.probe("transactions", "事务", "transactions", inspection::transactions);
        inspection.probe("size", "数据库大小", "database size", inspection::size);
        inspection.probe("connections", "连接数", "connections", inspection::connections);
        return new Outcome(inspection.measured, inspection.findings, inspection.sizeBytes);
    }

    private void visibility() throws SQLException {
        long hidden = probes.hiddenSessions();
        if (hidden != 0) {
            String count = hidden < 0 ? "" : " (" + hidden + ")";
            add("sessions-hidden", "看不到其他会话的详情" + count, "cannot see the details of other sessions" + count,
                    "The user " + user() + " sees only its own sessions, so locks and transactions of others go unseen. "
                            + "PostgreSQL: grant pg_read_all_stats; H2: an admin user.");
        }
    }

    private void locks() throws SQLException {
        List<BlockedSession> blocked = probes.blockedSessions();
        measured.add(blocked.size() + " blocked session(s)");
        Map<String, List<BlockedSession>> byBlocker = new LinkedHashMap<>();
        blocked.stream().filter(b -> b.waitSeconds() >= settings.getMaxLockWait().toSeconds())
                .forEach(b -> byBlocker.computeIfAbsent(b.blockingId(), id -> new ArrayList<>()).add(b));
        byBlocker.forEach((blocker, waiting) -> {
            String longest = Units.age(waiting.stream().mapToLong(BlockedSession::waitSeconds).max().orElse(0));
            StringBuilder evidence = new StringBuilder("Blocking session " + blocker + " (" + waiting.get(0).blockingUser()
                    + "): " + waiting.get(0).blockingStatement() + "\n");
            waiting.forEach(b -> evidence.append("Session ").append(b.blockedId()).append(" (").append(b.blockedUser())
                    .append(") waits ").append(Units.age(b.waitSeconds())).append(" for session ").append(blocker)
                    .append(": ").append(b.blockedStatement()).append('\n'));
            add("lock:" + blocker, "会话 " + blocker + " 阻塞 " + waiting.size() + " 个会话，最长等待 " + longest,
                    "session " + blocker + " blocks " + waiting.size() + " session(s), longest wait " + longest
                            + " (maximum " + Units.age(settings.getMaxLockWait()) + ")", evidence.toString());
        });
    }

    private void transactions() throws SQLException {
        List<OpenTransaction> open = probes.openTransactions();
        List<OpenTransaction> old = open.stream().filter(t -> t.ageSeconds() >= settings.getMaxTransactionAge().toSeconds()).toList();
        measured.add(old.size() + " transaction(s) open over " + Units.age(settings.getMaxTransactionAge()));
        for (OpenTransaction t : old) {
            String age = Units.age(t.ageSeconds());
            add("transaction:" + t.sessionId(), "会话 " + t.sessionId() + " 的事务已持续 " + age,
                    "session " + t.sessionId() + " has had a transaction open for " + age + " (maximum "
                            + Units.age(settings.getMaxTransactionAge()) + ")",
                    "Session " + t.sessionId() + ", user " + t.user() + ", state " + t.state() + ", since " + t.started()
                            + "\nStatement: " + t.statement());
        }
    }

    private void size() throws SQLException {
        for (SpaceUsage space : probes.size()) {
            if (space.bytes() != null) {
                sizeBytes = (sizeBytes == null ? 0 : sizeBytes) + space.bytes();
                measured.add(space.name() + " " + Units.bytes(space.bytes()));
                if (settings.getMaxDatabaseSize() != null && space.bytes() > settings.getMaxDatabaseSize().toBytes()) {
                    String limit = Units.bytes(settings.getMaxDatabaseSize().toBytes());
                    add("size:" + space.name(), space.name() + " 大小 " + Units.bytes(space.bytes()) + "，超过上限 " + limit,
                            space.name() + " size " + Units.bytes(space.bytes()) + " above " + limit,
                            space.name() + ": " + space.bytes() + " bytes (max-database-size " + limit + ")");
                }
            }
            if (space.usedPercent() != null && space.usedPercent() > settings.getMaxTablespaceUsedPercent()) {
                String used = ServerCheck.percent(space.usedPercent());
                String limit = ServerCheck.percent(settings.getMaxTablespaceUsedPercent());
                add("tablespace:" + space.name(), "表空间 " + space.name() + " 已用 " + used + "（上限 " + limit + "）",
                        "tablespace " + space.name() + " " + used + " used (maximum " + limit + ")",
                        space.name() + ": " + used + " of its maximum size used" + (space.bytes() == null ? "" : ", " + Units.bytes(space.bytes())));
            }
        }
    }

    private void connections() throws SQLException {
        ConnectionUse use = probes.connections();
        Long max = settings.getMaxConnections() != null ? Long.valueOf(settings.getMaxConnections()) : use.max();
        measured.add("connections " + use.used() + (max == null ? "" : "/" + max));
        if (max != null && max > 0 && 100.0 * use.used() / max > settings.getMaxConnectionsUsedPercent()) {
            String used = ServerCheck.percent(100.0 * use.used() / max);
            String limit = ServerCheck.percent(settings.getMaxConnectionsUsedPercent());
            add("connections", "连接数 " + use.used() + "/" + max + "（" + used + "，上限 " + limit + "）",
                    "connections " + use.used() + " of " + max + " (" + used + ", maximum " + limit + ")",
                    use.used() + " connections in use, maximum " + max
                            + (settings.getMaxConnections() != null ? " (max-connections)" : " (the server's)"));
        }
    }

    private void probe(String name, String zh, String en, Probe probe) {
        try {
            probe.run();
        } catch (SQLException | RuntimeException e) {
            measured.add(en + " unreadable");
            add("unreadable:" + name, "无法读取" + zh, "cannot read " + en, "Dialect " + dialect.name() + ", user " + user()
                    + ". The user may lack the privilege to read the view (see docs/operations.md).\n" + CheckResult.describe(e));
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the next query reports its own error
            }
        }
    }

    private void add(String subject, String zh, String en, String evidence) {
        findings.add(Finding.of(target, subject, target.getName() + "：" + zh + " / " + en, evidence));
    }

    private String user() {
        try {
            return String.valueOf(connection.getMetaData().getUserName());
        } catch (SQLException e) {
            return "?";
        }
    }
}
