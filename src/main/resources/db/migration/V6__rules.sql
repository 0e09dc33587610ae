-- Rules (issue #4): CEL expressions identified by a stable code, versioned like templates. A saved
-- version never changes; which version is in force is a separate, audited choice (activation), and
-- every node reloads the active version of a code when an activation is announced on Redis.
create table rule_definition (
    id              bigint generated always as identity primary key,
    -- Stable code the process engine asks for, e.g. phone-verification.large-amount: at least two
    -- dot-separated parts, so no code can clash with /api/rules/validate, dry-run or facts.
    code            varchar(100) not null unique
                    check (code ~ '^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$'),
    kind            varchar(40)  not null
                    check (kind in ('TRANSITION_GUARD', 'PRIORITY_SCORE', 'DATA_CHECK',
                                    'AUTHORISATION_THRESHOLD', 'PHONE_VERIFICATION_THRESHOLD',
                                    'SEAL_CHECK_MODE', 'RISK_WARNING')),
    latest_version  integer      not null check (latest_version > 0),
    active_version  integer,
    activated_at    timestamptz,
    activated_by    varchar(100),
    -- Grows with every activation of any rule. A node keeps the compiled rule with the highest
    -- value, so a slow reload can never overwrite a newer activation (even of an older version).
    activation_seq  bigint,
    created_at      timestamptz  not null default now(),
    created_by      varchar(100) not null,
    check ((active_version is null) = (activation_seq is null)),
    check (active_version is null or active_version <= latest_version)
);
create sequence rule_activation_seq;

create table rule_version (
    id          bigint generated always as identity primary key,
    rule_id     bigint       not null references rule_definition (id),
    version     integer      not null check (version > 0),
    -- Name and description travel with the expression: a new threshold needs a new sentence.
    name        varchar(200) not null,
    description text         not null,
    expression  text         not null,
    -- The declared facts the expression reads, as the compiler found them when it was saved.
    facts_read  text[]       not null default '{}',
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null,
    unique (rule_id, version)
);

-- Only a saved version can be active, and only a version of the same rule.
alter table rule_definition add constraint rule_definition_active_version_fk
    foreign key (id, active_version) references rule_version (rule_id, version);

create function rule_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'rule_version rows are immutable (% refused); save a new version', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger rule_version_no_update before update or delete on rule_version
    for each row execute function rule_version_immutable();
create trigger rule_version_no_truncate before truncate on rule_version
    for each statement execute function rule_version_immutable();

-- A rule's code and kind are what callers rely on; only its version pointers may move.
create function rule_definition_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.code <> old.code or new.kind <> old.kind
        or new.created_at <> old.created_at or new.created_by <> old.created_by then
        raise exception 'a rule''s code, kind and creation are fixed and rules are never deleted (% refused)', tg_op
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;
create trigger rule_definition_fixed before update or delete on rule_definition
    for each row execute function rule_definition_guard();
