package io.opsdesk.inspection;

/**
 * Oracle 11gR2 and later: {@code v$session} ({@code blocking_session}, {@code wait_time_micro}), {@code v$transaction},
 * {@code dba_tablespace_usage_metrics} (blocks, times the tablespace's block size), {@code v$parameter sessions}. The
 * user needs SELECT on those views (e.g. the role SELECT_CATALOG_ROLE). Not run against a live server in OpsDesk's tests.
 */
final class OracleDialect {

    static final DatabaseDialect DIALECT = new DatabaseDialect("oracle",
            """
            select w.sid, w.blocking_session, round(w.wait_time_micro / 1000000), w.username,
                   w.event || ' (sql_id ' || w.sql_id || ')', b.username, b.status || ' (sql_id ' || b.sql_id || ')'
            from v$session w join v$session b on b.sid = w.blocking_session
            where w.blocking_session_status = 'VALID' and w.state = 'WAITING'
            order by 3 desc""",
            """
            select s.sid, round((sysdate - t.start_date) * 86400), s.username, s.status,
                   'sql_id ' || s.sql_id, to_char(t.start_date, 'YYYY-MM-DD HH24:MI:SS')
            from v$transaction t join v$session s on s.saddr = t.ses_addr
            where s.sid <> to_number(sys_context('USERENV', 'SID'))
            order by 2 desc""",
            """
            select m.tablespace_name, m.used_space * t.block_size, m.used_percent
            from dba_tablespace_usage_metrics m join dba_tablespaces t on t.tablespace_name = m.tablespace_name
            order by m.used_percent desc""",
            """
            select (select count(*) from v$session),
                   (select to_number(value) from v$parameter where name = 'sessions') from dual""",
            null);

    private OracleDialect() {
    }
}
