package io.opsdesk.inspection;

/**
 * H2 2.x: {@code INFORMATION_SCHEMA.SESSIONS} ({@code BLOCKER_ID}, {@code CONTAINS_UNCOMMITTED}), the file size from
 * {@code INFORMATION_SCHEMA.SETTINGS} ({@code info.FILE_SIZE}; an in-memory database has none). H2 keeps no
 * transaction start: a transaction's age is the time since its session's last statement began or ended, and a wait's
 * age the time since the waiting statement began. H2 has no connection limit; {@code max-connections} sets one. Only
 * an admin sees other sessions (for others the hidden count is -1, unknown).
 */
final class H2Dialect {

    static final DatabaseDialect DIALECT = new DatabaseDialect("h2",
            """
            select w.session_id, w.blocker_id, datediff('SECOND', w.executing_statement_start, current_timestamp),
                   w.user_name, left(w.executing_statement, 300), b.user_name,
                   b.session_state || coalesce(': ' || left(b.executing_statement, 300), '')
            from information_schema.sessions w left join information_schema.sessions b on b.session_id = w.blocker_id
            where w.blocker_id is not null
            order by 3 desc""",
            """
            select session_id, datediff('SECOND', coalesce(executing_statement_start, sleep_since), current_timestamp),
                   user_name, session_state, left(executing_statement, 300),
                   cast(coalesce(executing_statement_start, sleep_since) as varchar)
            from information_schema.sessions
            where contains_uncommitted and session_id <> session_id()
            order by 2 desc""",
            """
            select 'database file', cast(setting_value as bigint), cast(null as double precision)
            from information_schema.settings where setting_name = 'info.FILE_SIZE'""",
            "select count(*), cast(null as integer) from information_schema.sessions",
            "select case when is_admin then 0 else -1 end from information_schema.users where user_name = current_user");

    private H2Dialect() {
    }
}
