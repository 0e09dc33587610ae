-- Task priority and time-limit escalation (issue #4). V8 belongs to the keying/dispatcher work.
--
-- Each human task gets its priority score once, when it is queued (the rule named by
-- vf.cases.priority-rule, shipped: priority.default = minus the case's effective deadline in
-- minutes). Higher is served first; the dispatcher reads it from here. The score never depends on
-- the clock, so a queue is never re-scored; only escalation raises one task's score, once.
alter table case_task add column priority bigint not null default 0;
-- When the sweep found the task past its node's time limit (due_at) and escalated it; null until.
alter table case_task add column escalated_at timestamptz;

drop index case_task_queue_idx;
create index case_task_queue_idx on case_task (post_code, priority desc, created_at)
    where state in ('OPEN', 'CLAIMED');
create index case_task_overdue_idx on case_task (due_at)
    where state in ('OPEN', 'CLAIMED') and escalated_at is null;

-- An escalation is a history event of its own.
alter table case_history drop constraint case_history_event_check;
alter table case_history add constraint case_history_event_check
    check (event in ('ENTERED', 'LEFT', 'ENDED', 'ESCALATED'));
