package io.voucherflow.rules;

/**
 * The version of a rule in force on this node, compiled.
 *
 * @param activationSeq the database's activation sequence value: of two copies, the higher is newer
 */
public record ActiveRule(String code, int version, long activationSeq, CompiledRule rule) {

  public RuleKind kind() {
    return rule.kind();
  }
}
