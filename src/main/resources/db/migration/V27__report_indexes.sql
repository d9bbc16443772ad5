-- Indexes for the operations report's queries (io.opsdesk.report), so that a report reads the period, not all history.
-- Camunda's own tables need none: ACT_HI_TASKINST(END_TIME_) and ACT_HI_IDENTITYLINK(TASK_ID_), which the
-- people's figures use, are indexed by the engine's schema (ACT_IDX_HI_TASK_INST_END, ACT_IDX_HI_IDENT_LINK_TASK).

-- tickets resolved in the period (SLA per resolver) and closed in it (ratings, volumes)
create index ix_ticket_resolved on ticket (resolved_at);
create index ix_ticket_closed on ticket (closed_at);
-- the counted timeline entries by type and time (failed verifications, rejected deliveries, quality); the resolver
-- of each is found through ix_timeline_ticket (ticket_id, occurred_at)
create index ix_timeline_type_time on ticket_timeline (entry_type, occurred_at);
