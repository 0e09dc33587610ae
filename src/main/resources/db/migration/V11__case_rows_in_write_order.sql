-- The engine writes a run of automatic steps in one transaction, where now() is one instant for
-- every row: tokens, tasks and history rows take the clock at their insert instead, so rows created by one
-- transaction still read back in the order they were created (the oldest active token moves first).
alter table case_token alter column created_at set default clock_timestamp();
alter table case_task alter column created_at set default clock_timestamp();
alter table case_history alter column occurred_at set default clock_timestamp();
