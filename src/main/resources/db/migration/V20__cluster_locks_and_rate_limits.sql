-- Shared state of the nodes of a cluster (H2 and PostgreSQL alike).

-- ShedLock: which node runs a scheduled task now (one IMAP poll at a time in the cluster)
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- the ticket rate limit's token buckets, one per client address, shared by all nodes (io.opsdesk.web.RateLimiter)
create table rate_limit_bucket (
    client_key varchar(100)     not null primary key,
    tokens     double precision not null,
    updated_at bigint           not null
);
