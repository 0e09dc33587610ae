-- Cases (issue #4): every processed voucher is a case running one process version through its
-- nodes. Each engine step is one transaction that first moves case_instance.version from the
-- version it read to the next; a concurrent or retried step fails that check and writes nothing.
create table case_instance (
    id              uuid        primary key,
    -- One case per voucher: starting twice (a sweep racing the hand-over) finds the first.
    voucher_id      uuid        not null unique references voucher (id),
    business_type   varchar(64) not null,
    -- Null while no process is bound to the business type (state NO_PROCESS).
    process_code    varchar(64),
    process_version integer,
    state           varchar(32) not null
        check (state in ('RUNNING', 'DONE', 'RETURNED_TO_BRANCH', 'NO_PROCESS')),
    version         bigint      not null default 0,
    started_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    ended_at        timestamptz
);
create index case_instance_running_idx on case_instance (updated_at) where state = 'RUNNING';

-- Where a case is: one live token per parallel branch. A token inside a sub-process carries the
-- call frames that led there; a token inside a fork carries the fork instances ("scope").
create table case_token (
    id              uuid          primary key,
    case_id         uuid          not null references case_instance (id),
    -- Call frames, outermost first: [{"process":"TRANSFER","version":1,"node":"entry"}].
    stack           jsonb         not null default '[]',
    process_code    varchar(64)   not null,
    process_version integer       not null,
    node_id         varchar(64)   not null,
    -- "/"-separated ids of the tokens whose forks this token descends from; a join waits for the
    -- tokens of one scope, so nested and sub-process forks never mix.
    scope           varchar(2000) not null default '',
    state           varchar(16)   not null check (state in ('ACTIVE', 'WAITING', 'JOINING', 'ENDED')),
    -- The token's last history sequence number: every history row of a token takes the next one.
    step            integer       not null default 0,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now()
);
create index case_token_live_idx on case_token (case_id) where state <> 'ENDED';

-- Human tasks (a later dispatcher pushes them to people; until then they are claimed by REST).
create table case_task (
    id              uuid         primary key,
    case_id         uuid         not null references case_instance (id),
    token_id        uuid         not null references case_token (id),
    step            integer      not null,
    process_code    varchar(64)  not null,
    process_version integer      not null,
    node_id         varchar(64)  not null,
    kind            varchar(32)  not null,
    post_code       varchar(64)  not null,
    state           varchar(16)  not null check (state in ('OPEN', 'CLAIMED', 'DONE', 'WITHDRAWN')),
    due_at          timestamptz,
    created_at      timestamptz  not null default now(),
    claimed_by      varchar(100),
    claimed_at      timestamptz,
    completed_by    varchar(100),
    completed_at    timestamptz,
    outcome         varchar(64),
    "values"        jsonb,
    -- A token entering a human node once creates one task, however often the step is retried.
    unique (token_id, step)
);
create index case_task_queue_idx on case_task (post_code, created_at) where state in ('OPEN', 'CLAIMED');
create index case_task_case_idx on case_task (case_id);

-- Every node entered and left: by whom or by which rule, with the facts that decided.
create table case_history (
    id              bigint generated always as identity primary key,
    case_id         uuid         not null references case_instance (id),
    token_id        uuid         not null,
    seq             integer      not null,
    event           varchar(16)  not null check (event in ('ENTERED', 'LEFT', 'ENDED')),
    process_code    varchar(64)  not null,
    process_version integer      not null,
    node_id         varchar(64)  not null,
    actor           varchar(100) not null,
    rule_code       varchar(300),
    rule_version    integer,
    outcome         varchar(64),
    facts           jsonb,
    detail          varchar(500),
    occurred_at     timestamptz  not null default now(),
    -- A step applied twice would write the same (token, seq) twice: the database refuses it.
    unique (token_id, seq)
);
create index case_history_case_idx on case_history (case_id, id);

-- Side effects of steps, written in the step's transaction and run once by the relay.
create table case_outbox (
    id              bigint generated always as identity primary key,
    case_id         uuid         not null references case_instance (id),
    token_id        uuid         not null,
    step            integer      not null,
    kind            varchar(64)  not null,
    payload         jsonb        not null,
    created_at      timestamptz  not null default now(),
    sent_at         timestamptz,
    unique (token_id, step, kind)
);
create index case_outbox_pending_idx on case_outbox (id) where sent_at is null;

-- Vouchers the pipeline handed over and whose case has not started: written in the hand-over's
-- own transaction (an outbox), emptied as cases start, so the sweep reads only what is pending
-- rather than every voucher ever processed.
create table case_intake (
    voucher_id uuid        primary key references voucher (id),
    queued_at  timestamptz not null default now()
);
create index case_intake_queued_idx on case_intake (queued_at);
insert into case_intake (voucher_id)
    select id from voucher where state in ('SLICED', 'CLASSIFICATION_NEEDED');
