-- Append-only, hash-chained audit trail: every state change and every image view.
create table audit_entry (
    seq          bigint       primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(100) not null,
    actor_roles  varchar(500) not null,
    source_ip    varchar(64),
    user_agent   varchar(300),
    action       varchar(64)  not null,
    entity_type  varchar(64)  not null,
    entity_id    varchar(100) not null,
    details      text         not null,
    prev_hash    char(64)     not null,
    hash         char(64)     not null
);
create index audit_entry_entity_idx on audit_entry (entity_type, entity_id);
create index audit_entry_actor_idx on audit_entry (actor, occurred_at);

-- The table only grows: updates, deletes and truncation are refused at the database.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
