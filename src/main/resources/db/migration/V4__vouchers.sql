-- Captured vouchers. A row is committed, with its original images in the content store, before
-- the branch is told 202: from then on the voucher cannot be lost.
create table voucher (
    id                     uuid         primary key,
    request_id             varchar(100) not null,
    teller                 varchar(100) not null,
    branch_unit_id         bigint       not null references org_unit (id),
    business_type          varchar(64)  not null,
    declared_amount        numeric(18, 2),
    currency               char(3),
    state                  varchar(32)  not null,
    original_sha256        char(64)     not null,
    original_format        varchar(8)   not null,
    back_sha256            char(64),
    deskewed_sha256        char(64),
    template_code          varchar(64),
    template_version       integer,
    recognition            varchar(16),
    recognition_confidence double precision,
    serial                 varchar(64),
    skew_degrees           double precision,
    stage_millis           text,
    failure_stage          varchar(32),
    failure_reason         varchar(500),
    accepted_at            timestamptz  not null default now(),
    processed_at           timestamptz,
    -- The teller's requestId makes capture idempotent: a retry returns the first answer.
    unique (teller, request_id)
);
create index voucher_unfinished_idx on voucher (accepted_at) where state = 'ACCEPTED';
create index voucher_branch_idx on voucher (branch_unit_id, accepted_at desc);

-- One row per template field of a processed voucher: its slice and what OCR and keying made of it.
create table voucher_field (
    voucher_id     uuid         not null references voucher (id),
    name           varchar(64)  not null,
    kind           varchar(32)  not null,
    entry_mode     varchar(16)  not null,
    slice_sha256   char(64),
    box_x          integer,
    box_y          integer,
    box_width      integer,
    box_height     integer,
    ocr_value      varchar(500),
    ocr_confidence double precision,
    final_value    varchar(500),
    state          varchar(32)  not null,
    primary key (voucher_id, name)
);
