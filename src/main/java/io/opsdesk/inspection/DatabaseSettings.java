package io.opsdesk.inspection;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * A DATABASE target: connects over JDBC and runs a validation query, optionally a size query, then the built-in
 * checks of its dialect (locks, long transactions, size, connections; {@link DatabaseInspection}).
 */
public class DatabaseSettings {

    /** JDBC URL; unset: OpsDesk's own database (the application's DataSource). */
    private String url;
    private String username;
    /** Put a placeholder here, never the secret: {@code password: ${BILLING_DB_PASSWORD}}. */
    private String password;
    private String validationQuery = "select 1";
    /** Connect plus validation query slower than this is a warning. */
    private Duration maxLatency = Duration.ofSeconds(2);
    /** A query whose first column of the first row is a number, e.g. the database size in bytes. */
    private String sizeQuery;
    /** A size above this is a warning. */
    private Double maxSize;
    /** Time allowed for connecting and for each query. */
    private Duration timeout = Duration.ofSeconds(10);
    /** Which built-in checks: {@code auto} (from the JDBC URL), {@code postgresql}, {@code mysql}, {@code mariadb}, {@code oracle}, {@code h2}, or {@code none}. */
    private String dialect = DatabaseDialect.AUTO;
    /** A session waiting for a lock this long or longer is a finding, one per blocking session. */
    private Duration maxLockWait = Duration.ofSeconds(30);
    /** A transaction of another session open this long or longer is a finding. */
    private Duration maxTransactionAge = Duration.ofMinutes(10);
    /** The database (or each tablespace) above this size is a finding; unset: measured only. */
    private DataSize maxDatabaseSize;
    /** A tablespace (Oracle) more used than this, in percent of its maximum size, is a finding. */
    private double maxTablespaceUsedPercent = 90;
    /** More connections in use than this, in percent of the maximum, is a finding. */
    private double maxConnectionsUsedPercent = 80;
    /** The maximum number of connections; unset: the server's own ({@code max_connections}, {@code sessions}), none for H2. */
    private Integer maxConnections;

    public boolean usesOwnDatabase() {
        return url == null || url.isBlank();
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getValidationQuery() {
        return validationQuery;
    }

    public void setValidationQuery(String validationQuery) {
        this.validationQuery = validationQuery;
    }

    public Duration getMaxLatency() {
        return maxLatency;
    }

    public void setMaxLatency(Duration maxLatency) {
        this.maxLatency = maxLatency;
    }

    public String getSizeQuery() {
        return sizeQuery;
    }

    public void setSizeQuery(String sizeQuery) {
        this.sizeQuery = sizeQuery;
    }

    public Double getMaxSize() {
        return maxSize;
    }

    public void setMaxSize(Double maxSize) {
        this.maxSize = maxSize;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getDialect() {
        return dialect;
    }

    public void setDialect(String dialect) {
        this.dialect = dialect;
    }

    public Duration getMaxLockWait() {
        return maxLockWait;
    }

    public void setMaxLockWait(Duration maxLockWait) {
        this.maxLockWait = maxLockWait;
    }

    public Duration getMaxTransactionAge() {
        return maxTransactionAge;
    }

    public void setMaxTransactionAge(Duration maxTransactionAge) {
        this.maxTransactionAge = maxTransactionAge;
    }

    public DataSize getMaxDatabaseSize() {
        return maxDatabaseSize;
    }

    public void setMaxDatabaseSize(DataSize maxDatabaseSize) {
        this.maxDatabaseSize = maxDatabaseSize;
    }

    public double getMaxTablespaceUsedPercent() {
        return maxTablespaceUsedPercent;
    }

    public void setMaxTablespaceUsedPercent(double maxTablespaceUsedPercent) {
        this.maxTablespaceUsedPercent = maxTablespaceUsedPercent;
    }

    public double getMaxConnectionsUsedPercent() {
        return maxConnectionsUsedPercent;
    }

    public void setMaxConnectionsUsedPercent(double maxConnectionsUsedPercent) {
        this.maxConnectionsUsedPercent = maxConnectionsUsedPercent;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }
}
