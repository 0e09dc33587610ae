/**
 * The case engine (issue #4): every processed voucher is a case moving through the nodes of the
 * process version bound to its business type when it started.
 *
 * <pre>
 *   pipeline hand-over (voucher SLICED / CLASSIFICATION_NEEDED + case_intake row, one commit)
 *        │  CaseSweeper (start-up + every vf.cases.sweep-every): the intake, oldest first,
 *        │  up to vf.cases.sweep-concurrency cases at once, each on its own Vert.x context
 *        ▼
 *   CaseEngine.start ──▶ case_instance + first token at start ──▶ advance:
 *        loop { read case (version v) + live tokens ─▶ StepPlanner.plan(oldest ACTIVE token)
 *               ─▶ CaseWriter.apply: one transaction, "update … version = v+1 where version = v"
 *                  first; 0 rows = stale, nothing written, read again }
 *        until every token WAITING (human task) / JOINING, or the case ended
 *   POST /api/tasks/{id}/complete ──▶ CaseEngine.complete (same guard) ──▶ advance
 *   overdue case_task (due_at passed) ──▶ CaseSweeper ─▶ TaskEscalations (same guard):
 *        escalated_at, priority + vf.cases.escalation-raise, ESCALATED history, outbox
 *   case_outbox ──▶ CaseSweeper ─▶ OutboxRepository: effect + "sent" in one transaction
 * </pre>
 *
 * <p><b>Tokens.</b> A token is at one node of one process version, inside call frames ({@code
 * stack}) and fork scopes ({@code scope}). Node work by category: automatic and decision nodes are
 * decided at once ({@link io.voucherflow.cases.service.NodeWork}); a human node opens a task,
 * scored once by the priority rule ({@link io.voucherflow.cases.service.TaskPriority}), and the
 * token waits; a fork ends the token and starts one per branch; a join waits for one token of each
 * branch of the same fork instance; a call pushes a frame and enters the sub-process; {@code done}
 * in a sub-process pops back to the call node with outcome {@code done}; {@code done} at the top
 * and {@code returned_to_branch} anywhere end the case and withdraw its open tasks.
 *
 * <p><b>Exactly once in effect.</b> A step's every write (history rows numbered per token, tasks
 * keyed by token and step, outbox rows) commits with the version move or not at all; the unique
 * keys refuse a step written twice even if the version check were bypassed. Two engines stepping
 * the same case both plan, one writes, the other reads again and finds the work done.
 */
package io.voucherflow.cases;
