-- Keying (issue #5): one row per key of one field. PostgreSQL is the source of truth; Redis holds
-- the queues, leases and exclusions, and is rebuilt from the rows not DONE when it loses them.
create table keying_task (
    id             uuid         primary key,
    voucher_id     uuid         not null,
    field_name     varchar(64)  not null,
    -- The key_slice / key_whole case task this key serves (null for work made without a case).
    case_task_id   uuid,
    post_code      varchar(64)  not null,
    -- The staff skill the field needs (empty: any keyer of the post).
    skill          varchar(32)  not null default '',
    kind           varchar(16)  not null check (kind in ('KEY', 'ARBITRATE')),
    -- 1 and 2 for the two keys of double-blind entry, 1 alone when OCR is confirmed, 3 arbitration.
    key_no         smallint     not null,
    -- Slice entry counts towards the per-voucher limit of slices one keyer may see; whole does not.
    entry_mode     varchar(16)  not null default 'SLICE' check (entry_mode in ('SLICE', 'WHOLE')),
    -- Lower is sooner: the effective deadline in epoch milliseconds (rule priority.default).
    priority       bigint       not null,
    -- What the claimer is shown (voucher, field, kind, slice, values to pick from): JSON, kept so a
    -- rebuild queues exactly what was queued.
    body           text         not null,
    state          varchar(16)  not null
        check (state in ('OPEN', 'LEASED', 'DONE', 'UNREADABLE', 'WITHDRAWN')),
    -- Leases live in Redis; the holder and deadline here are the lease under which it was completed.
    leased_by      bigint,
    lease_until    timestamptz,
    keyed_value    varchar(500),
    keystrokes     integer,
    -- From the slice on the keyer's screen to Enter, as the client measured it.
    key_millis     integer,
    completed_at   timestamptz,
    created_at     timestamptz  not null default now(),
    unique (voucher_id, field_name, kind, key_no)
) with (fillfactor = 70);
-- A completion changes no indexed column, so with room left in each page (fillfactor) it is a HOT
-- update that touches no index: the hot path of 10,000 completions a second. Hence no index on
-- state: a rebuild (rare) pages through the table by id; settlement finds a field's tasks by the
-- unique key above.


-- The outcome of one field: the final value and how it was reached.
create table keying_result (
    voucher_id   uuid         not null,
    field_name   varchar(64)  not null,
    final_value  varchar(500),
    source       varchar(16)  not null check (source in ('OCR_CONFIRMED', 'MATCH', 'ARBITRATED', 'UNREADABLE')),
    decided_at   timestamptz  not null default now(),
    primary key (voucher_id, field_name)
);

-- A key that lost arbitration: the keyer's error, for vendor and keyer performance.
create table keying_error (
    id             bigint generated always as identity primary key,
    keying_task_id uuid         not null references keying_task (id) unique,
    voucher_id     uuid         not null,
    field_name     varchar(64)  not null,
    keyer_id       bigint,
    keyed_value    varchar(500),
    final_value    varchar(500),
    recorded_at    timestamptz  not null default now()
);
create index keying_error_keyer_idx on keying_error (keyer_id, recorded_at);

-- Case tasks (key_slice, key_whole) keying has taken over; completed by keying when the voucher's
-- fields are all final.
create table keying_intake (
    case_task_id uuid         primary key,
    voucher_id   uuid         not null,
    taken_at     timestamptz  not null default now(),
    completed_at timestamptz
);
create index keying_intake_voucher_idx on keying_intake (voucher_id) where completed_at is null;
