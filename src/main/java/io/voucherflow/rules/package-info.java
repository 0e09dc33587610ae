/**
 * The rule language (issue #4): CEL expressions over declared facts, compiled once and evaluated
 * per voucher.
 *
 * <pre>
 *   expression ──RuleCompiler.compile(expr, kind)──▶ CompiledRule ──evaluate(facts)──▶ value
 *        │  parse + type-check against RuleFacts         │ factsRead (from the checked AST)
 *        ▼  and RuleFunctions; result type per RuleKind  ▼
 *   InvalidInputException "rules.expression.invalid"   RuleEvaluationException "rules.evaluation.failed"
 *   (each issue: line, column, both 1-based)           (caller acts on RuleKind.failSafeValue())
 * </pre>
 *
 * <p><b>Facts</b> ({@link io.voucherflow.rules.RuleFacts}) are dotted names with CEL types, e.g.
 * {@code voucher.amountCents} (int), {@code fields} (map of field name to keyed value), {@code
 * ocr.confidence} (map of field name to double). A name not declared does not compile.
 *
 * <p><b>Money</b> is compared as whole fen (int), never as double: {@code voucher.amountCents >=
 * 5000000}, {@code cents(amountFromWords(fields.amount_words)) == cents(fields.amount_figures)}.
 * Mixing int and double does not compile, so {@code voucher.amountCents > 1000.5} is refused.
 *
 * <p><b>Functions</b> ({@link io.voucherflow.rules.RuleFunctions}): {@code amountFromWords}, {@code
 * cents}, {@code dateFromWords}, {@code days}, {@code accountValid}, besides CEL's standard ones
 * and macros ({@code has}, {@code exists}, {@code all}…).
 *
 * <p><b>Strictness</b>: the words parsers accept every spelling the PBOC rules allow and nothing
 * else, since a data check that waves through an illegal spelling fails its purpose. Traditional
 * characters (貳 叄 參 陸 萬 億 圓) and 圆, 正, 人民幣 are accepted because handwriting uses them; 两, 〇, 参 and
 * lower-case numerals are not, because the PBOC list excludes them as easy to alter. Cheque dates
 * must carry exactly the leading 零 the cheque rule prescribes.
 *
 * <p><b>Rules as live data</b> ({@code rest/}, {@code service/}, {@code repository/}): a rule is a
 * stable code and kind ({@link io.voucherflow.rules.RuleDefinition}) with immutable versions
 * ({@link io.voucherflow.rules.RuleVersion}); one version is in force at a time.
 *
 * <pre>
 *   POST …/versions/{v}/activate ─▶ RuleActivationService: commit + audit ─▶ RuleBook.reload(code)
 *                                                    │
 *                                 RuleChangeNotifier.publish(code) ── Redis channel ──▶ every node:
 *                                                    RuleBookSync ─▶ RuleBook.reload(code) from PostgreSQL
 *   every vf.rules.safety-reload, and after a lost subscription: RuleBook.reloadAll()
 *   process path: RuleBook.evaluate(code, facts) / decide(code, kind, facts) — no lock, no I/O
 * </pre>
 */
package io.voucherflow.rules;
