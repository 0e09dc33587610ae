package io.voucherflow.cases;

import java.util.Map;

/**
 * How a node's work ended, as history records it: the outcome, the rule that decided (code and
 * version) and the facts it read.
 */
public record Decision(
    String outcome, String rule, Integer ruleVersion, Map<String, Object> facts, String detail) {

  /** An outcome no rule decided (a pipeline stage, a stand-in for a later issue's work). */
  public static Decision plain(String outcome, String detail) {
    return new Decision(outcome, null, null, null, detail);
  }
}
