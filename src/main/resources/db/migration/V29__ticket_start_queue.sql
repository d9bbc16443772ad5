-- Tickets from the portal and POST /api/tickets whose support-ticket process is still to be started.
-- The intake commits the ticket row and its row here together; io.opsdesk.ticket.TicketStarter starts the
-- processes in batches and deletes each row in the transaction that starts its process, so every ticket
-- acknowledged with 201 gets exactly one process, also after a crash (docs/performance.md#intake).
create table ticket_start (
    ticket_id       bigint       not null primary key references ticket (id),
    requested_at    timestamp    not null,
    attempts        int          not null default 0,
    next_attempt_at timestamp    not null,
    last_error      varchar(1000)
);
create index ticket_start_due on ticket_start (next_attempt_at);
