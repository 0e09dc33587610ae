package io.voucherflow.synthetic;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the values were put on the voucher: by a printer, or by hand (a 楷书 font with jitter). */
public enum PenStyle {
  PRINTED,
  HANDWRITTEN;

  @JsonValue
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
