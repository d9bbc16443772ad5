-- Automatic assignment (io.opsdesk.assignment): each candidate group's strategy and whose turn it was, and who
-- is away. Shared by all nodes of a cluster. Written in the SQL that H2 (default) and PostgreSQL both accept.

-- One row per group that may assign automatically. A node choosing the next person locks the group's row
-- (select ... for update) until its transaction commits, so two nodes never give the same turn twice and a
-- restart continues the rotation where it stopped.
create table assignment_group (
    group_id      varchar(64)  not null primary key,
    -- OFF (tasks stay in the group's queue), ROUND_ROBIN or LEAST_OPEN
    strategy      varchar(20)  not null,
    -- who was given the group's last task: the rotation goes on after this user id
    last_assignee varchar(64),
    updated_at    timestamp with time zone not null,
    updated_by    varchar(100) not null
);
insert into assignment_group (group_id, strategy, updated_at, updated_by) values ('support', 'OFF', current_timestamp, 'opsdesk');
insert into assignment_group (group_id, strategy, updated_at, updated_by) values ('development', 'OFF', current_timestamp, 'opsdesk');
insert into assignment_group (group_id, strategy, updated_at, updated_by) values ('supervisors', 'OFF', current_timestamp, 'opsdesk');
insert into assignment_group (group_id, strategy, updated_at, updated_by) values ('managers', 'OFF', current_timestamp, 'opsdesk');

-- Staff who said they are away: they get no new tasks. away_until is the last day away (in the team's zone,
-- opsdesk.ticket.zone), null for "until I say I am back"; a row whose day has passed counts as back.
create table staff_away (
    user_id    varchar(64) not null primary key,
    away_until date,
    since      timestamp with time zone not null
);
