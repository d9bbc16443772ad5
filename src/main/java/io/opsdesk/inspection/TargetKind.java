package io.opsdesk.inspection;

/** What an inspection target is, and so which {@link Check} inspects it. */
public enum TargetKind {
    /** A host: local disks, memory and load, or a remote Spring Boot Actuator; and its log directories. */
    SERVER,
    /** A database reached over JDBC: connect, validation query, optional size; locks, long transactions, size and connections per DBMS. */
    DATABASE,
    /** A TCP endpoint: connect time. */
    NETWORK,
    /** An HTTP endpoint: status, body, latency. */
    APPLICATION,
    /** Log files: new ERROR lines and stack traces since the last run. */
    LOGS
}
