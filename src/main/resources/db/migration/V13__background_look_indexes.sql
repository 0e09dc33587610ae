-- Two looks that run every few seconds read whole tables that grow with every voucher of the day,
-- on the database the keyers' completions are written to.

-- The keying intake looks every second for keying case tasks it has not taken over yet. Without an
-- index it read every case task and every case ever made (35 ms a look at 80,000 case tasks). It
-- now looks only at those created in the last half minute, through this index of the open ones by
-- creation (0.1 ms), and goes round the backlog 500 at a time as a safety net, in the same order.
create index case_task_open_keying_idx on case_task (created_at)
    where state = 'OPEN' and kind in ('key_slice', 'key_whole');

-- The case sweep (every 2 s) looks for cases waiting for a process to be bound to their business
-- type: usually none, but found by reading every case (3.3 ms at 26,000 cases, growing each day).
create index case_instance_no_process_idx on case_instance (updated_at) where state = 'NO_PROCESS';
