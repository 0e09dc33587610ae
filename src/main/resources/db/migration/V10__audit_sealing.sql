-- Audit entries are written, without a place in the chain yet, in the transaction of the change
-- they record; one sealer at a time moves them, in order, into audit_entry, hashing each onto the
-- chain. Before, every audited transaction took one global lock and held it through its commit, so
-- all audited writes of the platform (captures, the pipeline's hand-overs, case steps) queued
-- behind one another's disk flushes.
create table audit_pending (
    id           bigint       generated always as identity primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    actor_roles  varchar(500) not null,
    source_ip    varchar(64),
    user_agent   varchar(300),
    action       varchar(64)  not null,
    entity_type  varchar(64)  not null,
    entity_id    varchar(100) not null,
    details      text         not null
);
