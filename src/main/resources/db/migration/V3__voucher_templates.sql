-- Voucher templates (版面), versioned: a version is never changed once created, so vouchers
-- captured with it keep meaning what they meant.
create table voucher_template (
    id                     bigint generated always as identity primary key,
    code                   varchar(64)  not null,
    version                integer      not null check (version > 0),
    name                   varchar(200) not null,
    -- The whole TemplateDefinition as JSON text, exactly as validated.
    definition             text         not null,
    reference_image_sha256 char(64)     not null,
    reference_width_px     integer      not null,
    reference_height_px    integer      not null,
    created_at             timestamptz  not null default now(),
    created_by             varchar(100) not null,
    unique (code, version)
);

create function voucher_template_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'voucher_template versions are immutable (% refused); create a new version', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger voucher_template_no_update before update or delete on voucher_template
    for each row execute function voucher_template_immutable();
