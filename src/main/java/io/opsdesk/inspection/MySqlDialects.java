package io.opsdesk.inspection;

/**
 * MySQL 8.0 and later ({@code jdbc:mysql:}): lock waits from {@code performance_schema.data_lock_waits}, status from
 * {@code performance_schema.global_status}. MariaDB ({@code jdbc:mariadb:}, or {@code dialect: mariadb}; also for MySQL
 * 5.7): {@code information_schema.innodb_lock_waits} and {@code information_schema.global_status}. Both read
 * {@code information_schema.innodb_trx} and {@code information_schema.processlist} (the users), which need the PROCESS
 * privilege. Not run against a live server in OpsDesk's tests.
 */
final class MySqlDialects {

    private static final String TRANSACTIONS = """
            select t.trx_mysql_thread_id, timestampdiff(second, t.trx_started, now()), p.user, t.trx_state,
                   left(t.trx_query, 300), cast(t.trx_started as char)
            from information_schema.innodb_trx t left join information_schema.processlist p on p.id = t.trx_mysql_thread_id
            where t.trx_mysql_thread_id <> connection_id()
            order by 2 desc""";

    private static final String SIZE = """
            select database(), sum(data_length + index_length), null
            from information_schema.tables where table_schema = database()""";

    private static final String WAITS = """
            select distinct r.trx_mysql_thread_id, b.trx_mysql_thread_id, timestampdiff(second, r.trx_wait_started, now()),
                   rp.user, left(r.trx_query, 300), bp.user, concat(b.trx_state, ': ', coalesce(left(b.trx_query, 300), ''))
            from %s w
            join information_schema.innodb_trx r on r.trx_id = w.%s
            join information_schema.innodb_trx b on b.trx_id = w.%s
            left join information_schema.processlist rp on rp.id = r.trx_mysql_thread_id
            left join information_schema.processlist bp on bp.id = b.trx_mysql_thread_id
            order by 3 desc""";

    static final DatabaseDialect MYSQL = new DatabaseDialect("mysql",
            WAITS.formatted("performance_schema.data_lock_waits", "requesting_engine_transaction_id", "blocking_engine_transaction_id"),
            TRANSACTIONS, SIZE,
            """
            select (select variable_value from performance_schema.global_status where variable_name = 'Threads_connected'),
                   @@global.max_connections""",
            null);

    static final DatabaseDialect MARIADB = new DatabaseDialect("mariadb",
            WAITS.formatted("information_schema.innodb_lock_waits", "requesting_trx_id", "blocking_trx_id"),
            TRANSACTIONS, SIZE,
            """
            select (select variable_value from information_schema.global_status where variable_name = 'THREADS_CONNECTED'),
                   @@global.max_connections""",
            null);

    private MySqlDialects() {
    }
}
