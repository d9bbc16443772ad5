-- The Message-ID of every mail OpsDesk sent about a ticket (io.opsdesk.notification), so a reply that names it in
-- In-Reply-To or References finds its ticket even when the subject lost the key.
create table sent_mail (
    message_id  varchar(250) primary key,
    ticket_key  varchar(20)  not null,
    sent_at     timestamp with time zone not null
);

create index ix_sent_mail_ticket on sent_mail (ticket_key);
