/**
 * Process templates (流程模板, issue #4): versioned graphs of nodes and transitions that the case
 * engine runs, one version per case from start to end.
 *
 * <pre>
 *   YAML/JSON ──ProcessDocuments──▶ ProcessDefinition ──ProcessChecks (pin calls, posts, guards)──▶
 *   process_version (immutable) ──activate──▶ process_active (per code)
 *                                          └─▶ process_binding (business type → code/version)
 * </pre>
 *
 * <p><b>How a case engine runs a version</b> (the contract the validator guarantees):
 *
 * <ul>
 *   <li>A case starts with one token at {@code start}; it runs the version its business type was
 *       bound to at that moment ({@code ProcessActivationService.boundTo}), never another.
 *   <li>A node ends with an outcome ({@link io.voucherflow.process.NodeKind#outcomes()}: the
 *       worker's decision on a human node, the stage's result on an automatic one, the rule's value
 *       on a {@code decision}, {@code done} on a {@code call}). Its transitions whose {@code on} is
 *       absent or equal to it are tried by ascending {@code order}, then as listed; the first whose
 *       guard is absent or true is taken. A guard that fails to evaluate is false, and every
 *       outcome has a transition without a guard, so a case never stops between nodes.
 *   <li>{@code fork} puts a token on every outgoing transition; the {@code join} naming it waits
 *       for one token from each branch, then goes on once. No branch reaches {@code done} before
 *       its join.
 *   <li>{@code call} runs the sub-process version pinned in the definition (an unversioned call is
 *       pinned to the sub-process's active version when the caller is saved), then ends with {@code
 *       done} when the sub-process reaches its {@code done}.
 *   <li>{@code returned_to_branch}, at any depth or in any branch, ends the whole case as returned
 *       for correction (退回补正) and withdraws the case's other open tasks.
 *   <li>A human node's task goes to staff signed in at its {@code post} and is due within its
 *       {@code timeLimit}.
 * </ul>
 */
package io.voucherflow.process;
