package io.voucherflow.rules;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The type of a fact, as rules see it (CEL) and as Java hands it to the evaluator. */
public enum FactType {
  BOOL("bool", SimpleType.BOOL),
  INT("int", SimpleType.INT),
  DOUBLE("double", SimpleType.DOUBLE),
  STRING("string", SimpleType.STRING),
  STRING_LIST("list<string>", ListType.create(SimpleType.STRING)),
  STRING_MAP("map<string, string>", MapType.create(SimpleType.STRING, SimpleType.STRING)),
  DOUBLE_MAP("map<string, double>", MapType.create(SimpleType.STRING, SimpleType.DOUBLE));

  private final String celName;
  private final CelType celType;

  FactType(String celName, CelType celType) {
    this.celName = celName;
    this.celType = celType;
  }

  /** The type as a rule author writes it, e.g. {@code map<string, double>}. */
  public String celName() {
    return celName;
  }

  CelType celType() {
    return celType;
  }

  /**
   * {@code value} in the Java type the evaluator needs (Boolean, Long, Double, String, List of
   * String, Map of String to String or Double), e.g. a JSON Integer as Long.
   *
   * @throws IllegalArgumentException saying what was expected, when the value does not fit
   */
  Object coerce(Object value) {
    return switch (this) {
      case BOOL -> as(Boolean.class, value);
      case INT -> integer(value);
      case DOUBLE -> as(Number.class, value).doubleValue();
      case STRING -> as(String.class, value);
      case STRING_LIST -> as(List.class, value).stream().map(e -> as(String.class, e)).toList();
      case STRING_MAP, DOUBLE_MAP -> map(as(Map.class, value));
    };
  }

  private Map<String, Object> map(Map<?, ?> value) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : value.entrySet()) {
      Object v = this == STRING_MAP ? as(String.class, e.getValue()) : DOUBLE.coerce(e.getValue());
      out.put(as(String.class, e.getKey()), v);
    }
    return Map.copyOf(out);
  }

  /** Whole numbers only: an amount in fen must never arrive as 1409.5. */
  private long integer(Object value) {
    try {
      return switch (as(Number.class, value)) {
        case Long l -> l;
        case Integer i -> i;
        case Short s -> s;
        case Byte b -> b;
        case BigInteger b -> b.longValueExact();
        case BigDecimal d -> d.longValueExact();
        default -> throw new ArithmeticException();
      };
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("must be a whole number (" + celName + ")");
    }
  }

  private <T> T as(Class<T> type, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          value == null ? "has no value" : "must be of type " + celName);
    }
    return type.cast(value);
  }
}
