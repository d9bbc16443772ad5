package io.opsdesk.inspection;

/**
 * PostgreSQL 10 and later: {@code pg_stat_activity}, {@code pg_blocking_pids}, {@code pg_database_size},
 * {@code max_connections}. Sessions of other users show their details (even their backend type) only to superusers
 * and members of {@code pg_read_all_stats}; to others they read {@code <insufficient privilege>} and count as hidden,
 * and as connections when they are in a database.
 */
final class PostgresDialect {

    static final DatabaseDialect DIALECT = new DatabaseDialect("postgresql",
            """
            select w.pid, b.pid, cast(extract(epoch from clock_timestamp() - w.query_start) as bigint),
                   w.usename, left(w.query, 300), b.usename, b.state || ': ' || left(b.query, 300)
            from pg_stat_activity w
            cross join lateral unnest(pg_blocking_pids(w.pid)) as blocker(pid)
            join pg_stat_activity b on b.pid = blocker.pid
            where w.wait_event_type = 'Lock' and w.datname = current_database()
            order by 3 desc""",
            """
            select pid, cast(extract(epoch from clock_timestamp() - xact_start) as bigint), usename, state,
                   left(query, 300), cast(xact_start as text)
            from pg_stat_activity
            where xact_start is not null and pid <> pg_backend_pid() and backend_type = 'client backend'
              and datname = current_database()
            order by 2 desc""",
            "select current_database(), pg_database_size(current_database()), cast(null as numeric)",
            """
            select (select count(*) from pg_stat_activity
                    where backend_type = 'client backend' or (backend_type is null and datname is not null)),
                   cast(current_setting('max_connections') as integer)""",
            """
            select count(*) from pg_stat_activity
            where query = '<insufficient privilege>' and datname = current_database() and usename is not null""");

    private PostgresDialect() {
    }
}
