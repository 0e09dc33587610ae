package io.voucherflow.rules;

/** One reason an expression does not compile, at a 1-based line and column of its text. */
public record RuleIssue(int line, int column, String message) {

  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + message;
  }
}
