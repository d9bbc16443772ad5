-- Daily inspection process: a FAULT ticket opened for a finding remembers the finding's fingerprint, so the
-- next run adds to the open ticket instead of opening another; a run stores the review a person gave it.
-- Written in the SQL that H2 (default) and PostgreSQL (production) both accept.

alter table ticket add column finding_fingerprint varchar(64);
create index ix_ticket_finding_fingerprint on ticket (finding_fingerprint);

alter table inspection_run add column reviewed_by varchar(64);
alter table inspection_run add column reviewed_at timestamp with time zone;
alter table inspection_run add column review_comment varchar(4000);
-- the review checklist as a JSON object {"machineRoomChecked": true, ...}
alter table inspection_run add column checklist varchar(4000);
