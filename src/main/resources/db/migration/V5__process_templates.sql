-- Process templates (流程模板), versioned like voucher templates: a version never changes once
-- stored, so a case runs to its end on the version it started with.
create table process_version (
    id          bigint generated always as identity primary key,
    code        varchar(64)  not null,
    version     integer      not null check (version > 0),
    kind        varchar(16)  not null check (kind in ('business', 'subprocess')),
    name        varchar(200) not null,
    -- The whole ProcessDefinition as JSON text, exactly as validated (calls pinned to versions).
    definition  text         not null,
    created_at  timestamptz  not null default now(),
    created_by  varchar(100) not null,
    unique (code, version)
);

create function process_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'process_version versions are immutable (% refused); save a new version', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger process_version_no_change before update or delete on process_version
    for each row execute function process_version_immutable();
create trigger process_version_no_truncate before truncate on process_version
    for each statement execute function process_version_immutable();

-- The active version of each process: what new business-process saves pin their calls to, and
-- what a business process's types are bound to. Changed only by audited activation.
create table process_active (
    code          varchar(64)  primary key,
    version       integer      not null,
    activated_at  timestamptz  not null,
    activated_by  varchar(100) not null,
    foreign key (code, version) references process_version (code, version)
);

-- Business type -> the process version new cases of that type start on (one each).
create table process_binding (
    business_type    varchar(64)  primary key,
    process_code     varchar(64)  not null,
    process_version  integer      not null,
    bound_at         timestamptz  not null,
    bound_by         varchar(100) not null,
    foreign key (process_code, process_version) references process_version (code, version)
);
create index process_binding_process_idx on process_binding (process_code);

-- The posts the shipped processes name, so the defaults are valid in every profile (seeded at
-- start in production too). Idempotent and never overwrites a bank's own definition of a post.
insert into post (code, name, task_kinds, skills) values
    ('BRANCH_AUTHORISATION', 'Branch supplementary authorisation', '{SUPPLEMENTARY_AUTHORISATION}', '{}'),
    ('KEYING', 'Field keying', '{SLICE_KEYING,WHOLE_VOUCHER_KEYING}', '{}'),
    ('ARBITRATION', 'Keying arbitration', '{ARBITRATION}', '{}'),
    ('REVIEW', 'Back-office review', '{BACK_OFFICE_REVIEW}', '{}'),
    ('SEAL_VERIFICATION', 'Seal verification', '{SEAL_VERIFICATION}', '{}'),
    ('PHONE_VERIFICATION', 'Large-amount phone verification', '{PHONE_VERIFICATION}', '{}'),
    ('AUTHORISATION', 'Centralized and back-office authorisation', '{REMOTE_AUTHORISATION,BACK_OFFICE_AUTHORISATION}', '{}'),
    ('SUPERVISION', 'Centre supervision', '{ESCALATION}', '{}')
    on conflict (code) do nothing;
