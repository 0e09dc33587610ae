-- Organisation units: head office -> branch -> sub-branch, plus operations centres.
create table org_unit (
    id          bigint generated always as identity primary key,
    code        varchar(32)  not null unique,
    name        varchar(200) not null,
    kind        varchar(32)  not null check (kind in ('HEAD_OFFICE', 'BRANCH', 'SUB_BRANCH', 'OPERATIONS_CENTRE')),
    parent_id   bigint references org_unit (id),
    created_at  timestamptz  not null default now(),
    check ((kind = 'HEAD_OFFICE') = (parent_id is null))
);
create index org_unit_parent_idx on org_unit (parent_id);

-- Posts (岗位): a job position owning task kinds, requiring skills.
create table post (
    code        varchar(64)  primary key,
    name        varchar(200) not null,
    task_kinds  text[]       not null default '{}',
    skills      text[]       not null default '{}',
    created_at  timestamptz  not null default now()
);

-- Staff, linked to the identity provider's subject (the token's "sub").
create table staff (
    id           bigint generated always as identity primary key,
    username     varchar(100) not null unique,
    subject      varchar(100) unique,
    display_name varchar(200) not null,
    org_unit_id  bigint       not null references org_unit (id),
    skills       text[]       not null default '{}',
    -- The posts this member of staff may sign in at.
    posts        text[]       not null default '{}',
    active       boolean      not null default true,
    created_at   timestamptz  not null default now()
);
create index staff_org_unit_idx on staff (org_unit_id);

-- Sign-in (签到) / sign-out (签退) sessions; an open session has signed_out_at null.
create table duty_session (
    id             bigint generated always as identity primary key,
    staff_id       bigint      not null references staff (id),
    post_code      varchar(64) not null references post (code),
    signed_in_at   timestamptz not null default now(),
    signed_out_at  timestamptz,
    signed_out_by  varchar(100),
    forced         boolean     not null default false,
    requeued_tasks integer     not null default 0
);
-- At most one open session per staff member.
create unique index duty_session_open_idx on duty_session (staff_id) where signed_out_at is null;
create index duty_session_post_open_idx on duty_session (post_code) where signed_out_at is null;
