-- SLA clocks (first response, resolution) per ticket. Due dates are derived from the targets of
-- sla-policy.dmn, the business calendar and the business time the ticket spent paused.

alter table ticket add column customer_tier varchar(20) default 'STANDARD' not null;
alter table ticket add column sla_calendar varchar(40);
alter table ticket add column first_response_target varchar(30);
alter table ticket add column resolution_target varchar(30);
alter table ticket add column first_response_due timestamp with time zone;
alter table ticket add column resolution_due timestamp with time zone;
-- business seconds the resolution clock was paused (waiting for the customer, awaiting acceptance)
alter table ticket add column paused_seconds bigint default 0 not null;
alter table ticket add column paused_since timestamp with time zone;
-- each ladder step once per ticket and clock: set with "where ... is null", so a second node or a
-- re-fired timer finds it done
alter table ticket add column first_response_warned_at timestamp with time zone;
alter table ticket add column first_response_breached_at timestamp with time zone;
alter table ticket add column first_response_escalated_at timestamp with time zone;
alter table ticket add column resolution_warned_at timestamp with time zone;
alter table ticket add column resolution_breached_at timestamp with time zone;
alter table ticket add column resolution_escalated_at timestamp with time zone;

create index ix_ticket_first_response_due on ticket (first_response_due);
create index ix_ticket_resolution_due on ticket (resolution_due);
