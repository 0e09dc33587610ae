package io.voucherflow.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.CelVarDecl;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import java.util.List;

/**
 * Compiles rule expressions (CEL) against the declared facts and functions; thread-safe, share one.
 *
 * <p>An expression that does not type-check, or whose type does not fit its {@link RuleKind}, is
 * refused with the 1-based line and column of each issue.
 */
public final class RuleCompiler {

  /** Problem code of an expression that does not compile. */
  public static final String INVALID_CODE = "rules.expression.invalid";

  /** A rule is a business sentence, not a program; the cap also bounds parse time online. */
  static final int MAX_LENGTH = 4_000;

  private final CelCompiler compiler;
  private final CelRuntime runtime;

  public RuleCompiler() {
    CelOptions options = CelOptions.current().maxExpressionCodePointSize(MAX_LENGTH).build();
    this.compiler =
        CelCompilerFactory.standardCelCompilerBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVarDeclarations(
                RuleFacts.declared().stream()
                    .map(f -> CelVarDecl.newVarDeclaration(f.name(), f.type().celType()))
                    .toList())
            .addFunctionDeclarations(RuleFunctions.DECLARATIONS)
            .build();
    this.runtime =
        CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(options)
            .addFunctionBindings(RuleFunctions.BINDINGS)
            .build();
  }

  /**
   * The expression compiled as a rule of {@code kind}.
   *
   * @throws InvalidInputException {@value #INVALID_CODE}; one field error on {@code expression} per
   *     issue, its message starting with the 1-based position ("line 1, column 23: …")
   */
  public CompiledRule compile(String expression, RuleKind kind) {
    Attempt attempt = attempt(expression, kind);
    if (attempt.rule() == null) {
      List<FieldError> errors =
          attempt.issues().stream().map(i -> new FieldError("expression", i.toString())).toList();
      throw new InvalidInputException(
          INVALID_CODE, "The expression does not compile: " + attempt.issues().getFirst(), errors);
    }
    return attempt.rule();
  }

  /** Why the expression would not compile as a rule of {@code kind}; empty when it would. */
  public List<RuleIssue> check(String expression, RuleKind kind) {
    return attempt(expression, kind).issues();
  }

  private record Attempt(CompiledRule rule, List<RuleIssue> issues) {}

  private Attempt attempt(String expression, RuleKind kind) {
    if (expression == null || expression.isBlank()) {
      return refused(new RuleIssue(1, 1, "the expression is empty"));
    }
    CelValidationResult result = compiler.compile(expression);
    if (result.hasError()) {
      return new Attempt(null, result.getErrors().stream().map(RuleCompiler::issue).toList());
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      if (!kind.accepts(ast.getResultType())) {
        return refused(
            new RuleIssue(
                1,
                1,
                "a rule of kind "
                    + kind
                    + " must give "
                    + kind.resultType()
                    + ", this expression gives "
                    + ast.getResultType().name()));
      }
      CelRuntime.Program program = runtime.createProgram(ast);
      return new Attempt(
          new CompiledRule(expression, kind, program, FactReferences.factsRead(ast)), List.of());
    } catch (CelValidationException | CelEvaluationException e) {
      // Planning after a clean check has no known way to fail; report it as an issue anyway.
      return refused(new RuleIssue(1, 1, e.getMessage()));
    }
  }

  private static Attempt refused(RuleIssue issue) {
    return new Attempt(null, List.of(issue));
  }

  /** CEL counts lines from 1 but columns from 0; designers and editors count both from 1. */
  private static RuleIssue issue(CelIssue issue) {
    int line = Math.max(1, issue.getSourceLocation().getLine());
    int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
    return new RuleIssue(line, column, issue.getMessage());
  }
}
