package io.voucherflow.rules;

import static dev.cel.common.types.SimpleType.BOOL;
import static dev.cel.common.types.SimpleType.INT;
import static dev.cel.common.types.SimpleType.STRING;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelFunctionBinding;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * The functions analysts need beside CEL's standard ones, each taking one string.
 *
 * <ul>
 *   <li>{@code amountFromWords(s) -> string}: capital amount words to "1409.50"; fails on text that
 *       is no legal amount ({@link ChineseAmountParser}).
 *   <li>{@code cents(s) -> int}: amount in figures ("1409.50", "1409.5", "1409") to exact fen.
 *   <li>{@code dateFromWords(s) -> string}: capital or figure date to ISO "2026-10-20" ({@link
 *       ChineseDateParser}).
 *   <li>{@code days(s) -> int}: an ISO date as days since 1970-01-01, so dates can be subtracted.
 *   <li>{@code accountValid(s) -> bool}: 16–19 digits with a right check digit ({@link
 *       AccountCheckDigits}); false rather than an error for anything else.
 * </ul>
 */
final class RuleFunctions {

  static final List<CelFunctionDecl> DECLARATIONS =
      List.of(
          unary("amountFromWords", STRING),
          unary("cents", INT),
          unary("dateFromWords", STRING),
          unary("days", INT),
          unary("accountValid", BOOL));

  static final List<CelFunctionBinding> BINDINGS =
      List.of(
          CelFunctionBinding.from(
              "amountFromWords_string",
              String.class,
              s -> ChineseAmountParser.parse(s).toPlainString()),
          CelFunctionBinding.from("cents_string", String.class, AmountFigures::parseFen),
          CelFunctionBinding.from(
              "dateFromWords_string", String.class, s -> ChineseDateParser.parse(s).toString()),
          CelFunctionBinding.from("days_string", String.class, RuleFunctions::days),
          CelFunctionBinding.from(
              "accountValid_string", String.class, AccountCheckDigits::isValid));

  private RuleFunctions() {}

  private static CelFunctionDecl unary(String name, CelType result) {
    return CelFunctionDecl.newFunctionDeclaration(
        name, CelOverloadDecl.newGlobalOverload(name + "_string", result, STRING));
  }

  private static long days(String isoDate) {
    try {
      return LocalDate.parse(isoDate).toEpochDay();
    } catch (DateTimeException e) {
      throw new IllegalNotationException("ISO date", "'" + isoDate + "' is not yyyy-MM-dd", 0);
    }
  }
}
