-- The case sweep (every vf.cases.sweep-every, 2 s) looks for running cases with an active token,
-- i.e. automatic work pending. Active tokens are few at any moment, but case_token grows with every
-- voucher of the day and case_token_live_idx also holds every token waiting at a human task, so the
-- sweep read the whole table: 216 ms at 110,000 tokens, every 2 s, on the database the keyers'
-- completions are written to. With this index it reads the few active ones (0.1 ms).
create index case_token_active_idx on case_token (case_id) where state = 'ACTIVE';
