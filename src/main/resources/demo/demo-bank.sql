-- The demo bank, seeded in the demo and test profiles only. Idempotent: safe at every start.
insert into org_unit (code, name, kind, parent_id) values ('HO', 'VoucherFlow Demo Bank Head Office', 'HEAD_OFFICE', null)
    on conflict (code) do nothing;
insert into org_unit (code, name, kind, parent_id)
    select c.code, c.name, c.kind, ho.id from org_unit ho,
        (values ('BR01', 'Riverside Branch', 'BRANCH'), ('BR02', 'Harbour Branch', 'BRANCH'),
                ('OC01', 'Central Operations Centre', 'OPERATIONS_CENTRE')) as c(code, name, kind)
    where ho.code = 'HO'
    on conflict (code) do nothing;
insert into org_unit (code, name, kind, parent_id)
    select 'BR01-01', 'Riverside Market Sub-branch', 'SUB_BRANCH', br.id from org_unit br where br.code = 'BR01'
    on conflict (code) do nothing;

insert into post (code, name, task_kinds, skills) values
    ('COUNTER', 'Branch counter (capture and returned cases)', '{CAPTURE,RETURNED_CASE}', '{}'),
    ('BRANCH_AUTHORISATION', 'Branch supplementary authorisation', '{SUPPLEMENTARY_AUTHORISATION}', '{}'),
    ('KEYING', 'Field keying', '{SLICE_KEYING,WHOLE_VOUCHER_KEYING}', '{}'),
    ('ARBITRATION', 'Keying arbitration', '{ARBITRATION}', '{}'),
    ('REVIEW', 'Back-office review', '{BACK_OFFICE_REVIEW}', '{}'),
    ('SEAL_VERIFICATION', 'Seal verification', '{SEAL_VERIFICATION}', '{}'),
    ('PHONE_VERIFICATION', 'Large-amount phone verification', '{PHONE_VERIFICATION}', '{}'),
    ('AUTHORISATION', 'Centralized and back-office authorisation', '{REMOTE_AUTHORISATION,BACK_OFFICE_AUTHORISATION}', '{}'),
    ('SUPERVISION', 'Centre supervision', '{ESCALATION}', '{}')
    on conflict (code) do nothing;

insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'admin', '00000000-0000-4000-8000-000000000001', 'Ada Admin', id, '{}', '{}' from org_unit where code = 'HO'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'teller1', '00000000-0000-4000-8000-000000000002', 'Tian Teller-One', id, '{COUNTER}', '{}' from org_unit where code = 'BR01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'teller2', '00000000-0000-4000-8000-000000000003', 'Tao Teller-Two', id, '{COUNTER}', '{}' from org_unit where code = 'BR02'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'branchsup1', '00000000-0000-4000-8000-000000000004', 'Bai Supervisor', id, '{BRANCH_AUTHORISATION}', '{}' from org_unit where code = 'BR01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'keyer1', '00000000-0000-4000-8000-000000000005', 'Kai Keyer-One', id, '{KEYING}', '{amount,account}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'keyer2', '00000000-0000-4000-8000-000000000006', 'Ke Keyer-Two', id, '{KEYING}', '{amount,account}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'keyer3', '00000000-0000-4000-8000-000000000007', 'Kun Keyer-Three', id, '{KEYING}', '{name}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'keyer4', '00000000-0000-4000-8000-000000000008', 'Kang Keyer-Four', id, '{KEYING}', '{name,amount}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'arbiter1', '00000000-0000-4000-8000-000000000009', 'An Arbiter', id, '{ARBITRATION,KEYING}', '{}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'reviewer1', '00000000-0000-4000-8000-000000000010', 'Rui Reviewer', id, '{REVIEW}', '{}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'sealer1', '00000000-0000-4000-8000-000000000011', 'Song Sealer', id, '{SEAL_VERIFICATION}', '{}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'phoner1', '00000000-0000-4000-8000-000000000012', 'Fei Phoner', id, '{PHONE_VERIFICATION}', '{}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'authorizer1', '00000000-0000-4000-8000-000000000013', 'Ai Authorizer', id, '{AUTHORISATION}', '{}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'supervisor1', '00000000-0000-4000-8000-000000000014', 'Shu Supervisor', id, '{SUPERVISION}', '{}' from org_unit where code = 'OC01'
    on conflict (username) do nothing;
insert into staff (username, subject, display_name, org_unit_id, posts, skills)
    select 'auditor1', '00000000-0000-4000-8000-000000000015', 'Ao Auditor', id, '{}', '{}' from org_unit where code = 'HO'
    on conflict (username) do nothing;
