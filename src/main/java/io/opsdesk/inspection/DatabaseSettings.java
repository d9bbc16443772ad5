package io.opsdesk.inspection;

import java.time.Duration;

/** A DATABASE target: connects over JDBC and runs a validation query, optionally a size query. */
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
}
