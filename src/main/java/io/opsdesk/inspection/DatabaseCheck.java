package io.opsdesk.inspection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * DATABASE targets: connect over JDBC (the URL's driver, or OpsDesk's own DataSource when no URL is
 * given), run the validation query, optionally a size query, then the built-in checks of the dialect the URL
 * names ({@link DatabaseInspection}). A failure to connect or to run the validation or size query fails; slow, too
 * large, locks, long transactions, connections near the maximum, or a built-in check that cannot be run warn.
 */
@Component
class DatabaseCheck implements Check {

    private final ObjectProvider<DataSource> ownDatabase;

    DatabaseCheck(ObjectProvider<DataSource> ownDatabase) {
        this.ownDatabase = ownDatabase;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.DATABASE;
    }

    @Override
    public CheckResult check(InspectionTarget target) {
        DatabaseSettings settings = target.getDatabase();
        int timeoutSeconds = (int) Math.max(1, settings.getTimeout().toSeconds());
        long start = System.nanoTime();
        long latency;
        Double size = null;
        DatabaseInspection.Outcome builtIn = null;
        try (Connection connection = connect(settings)) {
            try (Statement validation = connection.createStatement()) {
                validation.setQueryTimeout(timeoutSeconds);
                validation.execute(settings.getValidationQuery());
            }
            latency = (System.nanoTime() - start) / 1_000_000;
            if (settings.getSizeQuery() != null && !settings.getSizeQuery().isBlank()) {
                size = size(connection, settings.getSizeQuery(), timeoutSeconds);
            }
            String url = settings.usesOwnDatabase() ? connection.getMetaData().getURL() : settings.getUrl();
            Optional<DatabaseDialect> dialect = DatabaseDialect.choose(settings.getDialect(), url);
            if (dialect.isPresent()) {
                builtIn = DatabaseInspection.inspect(target, connection, dialect.get(), timeoutSeconds);
            }
        } catch (Exception e) {
            String where = settings.usesOwnDatabase() ? "OpsDesk's database" : Redaction.url(settings.getUrl());
            return CheckResult.failed(target, "unavailable", "cannot connect to or query " + where, e);
        }

        CheckStatus status = CheckStatus.OK;
        List<Finding> findings = new ArrayList<>();
        String message = "'" + settings.getValidationQuery() + "' answered in " + latency + " ms";
        if (latency > settings.getMaxLatency().toMillis()) {
            status = CheckStatus.WARNING;
            findings.add(Finding.of(target, "latency", target.getName() + ": slow, " + latency + " ms (maximum "
                    + settings.getMaxLatency().toMillis() + " ms)", "connect and '" + settings.getValidationQuery() + "' took " + latency + " ms"));
        }
        if (size != null) {
            message += ", size " + size.longValue();
            if (settings.getMaxSize() != null && size > settings.getMaxSize()) {
                status = CheckStatus.WARNING;
                findings.add(Finding.of(target, "size", target.getName() + ": size " + size.longValue() + " above "
                        + settings.getMaxSize().longValue(), "'" + settings.getSizeQuery() + "' returned " + size.longValue()));
            }
        }
        if (builtIn != null) {
            message += ", " + String.join(", ", builtIn.measured());
            findings.addAll(builtIn.findings());
            status = builtIn.findings().isEmpty() ? status : status.worst(CheckStatus.WARNING);
            size = size == null && builtIn.sizeBytes() != null ? Double.valueOf(builtIn.sizeBytes()) : size;
        }
        return new CheckResult(target.getName(), target.getKind(), status, size, latency, message, findings);
    }

    private Connection connect(DatabaseSettings settings) throws SQLException {
        if (settings.usesOwnDatabase()) {
            DataSource dataSource = ownDatabase.getIfAvailable();
            if (dataSource == null) {
                throw new SQLException("no JDBC URL configured and OpsDesk has no DataSource");
            }
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        if (settings.getUsername() != null) {
            properties.setProperty("user", settings.getUsername());
        }
        if (settings.getPassword() != null) {
            properties.setProperty("password", settings.getPassword());
        }
        timeouts(settings, properties);
        return DriverManager.getConnection(settings.getUrl(), properties);
    }

    /** Connect and read timeouts of the drivers that know them (H2 rejects unknown settings); the service's check timeout bounds the rest. */
    private static void timeouts(DatabaseSettings settings, Properties properties) {
        long seconds = Math.max(1, settings.getTimeout().toSeconds());
        if (settings.getUrl().startsWith("jdbc:postgresql:")) {
            properties.setProperty("connectTimeout", String.valueOf(seconds));
            properties.setProperty("loginTimeout", String.valueOf(seconds));
            properties.setProperty("socketTimeout", String.valueOf(seconds));
        } else if (settings.getUrl().startsWith("jdbc:mysql:") || settings.getUrl().startsWith("jdbc:mariadb:")) {
            properties.setProperty("connectTimeout", String.valueOf(seconds * 1000));
            properties.setProperty("socketTimeout", String.valueOf(seconds * 1000));
        }
    }

    private static Double size(Connection connection, String sql, int timeoutSeconds) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(timeoutSeconds);
            try (ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    throw new SQLException("the size query returned no row: " + sql);
                }
                return rows.getDouble(1);
            }
        }
    }
}
