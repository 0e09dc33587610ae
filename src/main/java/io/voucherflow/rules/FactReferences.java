package io.voucherflow.rules;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declared facts a checked expression reads.
 *
 * <p>Taken from the checker's references, not the text, so comments, strings and local variables
 * never count.
 */
final class FactReferences {

  private FactReferences() {}

  /**
   * The facts read, sorted; a map fact read at a constant key is named with it ({@code
   * fields.amount_words} for {@code fields.amount_words} or {@code fields['amount_words']}), a map
   * read any other way by its own name.
   */
  static Set<String> factsRead(CelAbstractSyntaxTree ast) {
    Set<String> read = new TreeSet<>();
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .forEach(
            node ->
                ast.getReference(node.id())
                    .map(CelReference::name)
                    .flatMap(RuleFacts::find)
                    .ifPresent(fact -> read.add(named(fact, node))));
    return read;
  }

  /** The declared variables among {@code factsRead}: what a caller must supply. */
  static Set<String> variables(Set<String> factsRead) {
    Set<String> roots = new TreeSet<>();
    for (String name : factsRead) {
      roots.add(RuleFacts.find(name).isPresent() ? name : name.substring(0, name.lastIndexOf('.')));
    }
    return roots;
  }

  private static String named(RuleFacts.Fact fact, CelNavigableExpr node) {
    boolean isMap = fact.type() == FactType.STRING_MAP || fact.type() == FactType.DOUBLE_MAP;
    CelExpr parent = node.parent().map(CelNavigableExpr::expr).orElse(null);
    if (!isMap || parent == null) {
      return fact.name();
    }
    if (parent.getKind() == CelExpr.ExprKind.Kind.SELECT
        && parent.select().operand().id() == node.id()) {
      return fact.name() + "." + parent.select().field();
    }
    if (parent.getKind() == CelExpr.ExprKind.Kind.CALL
        && parent.call().function().equals("_[_]")
        && parent.call().args().get(0).id() == node.id()
        && parent.call().args().get(1).getKind() == CelExpr.ExprKind.Kind.CONSTANT
        && parent.call().args().get(1).constant().getKind() == CelConstant.Kind.STRING_VALUE) {
      return fact.name() + "." + parent.call().args().get(1).constant().stringValue();
    }
    return fact.name();
  }
}
