package io.voucherflow.rules;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/** Random amounts for property tests, heavy in zero digits because the 零 rules live there. */
final class AmountSamples {

  private AmountSamples() {}

  /** An amount of 0.01 to 999,999,999.99 with a random number of digits, about 40% of them 0. */
  static BigDecimal next(SplittableRandom random) {
    long fen = 0;
    while (fen == 0) {
      int integerDigits = random.nextInt(10);
      StringBuilder digits = new StringBuilder();
      for (int k = 0; k < integerDigits + 2; k++) {
        boolean leading = k == 0 && integerDigits > 0;
        digits.append(random.nextInt(5) < 2 && !leading ? 0 : 1 + random.nextInt(9));
      }
      fen = Long.parseLong(digits.toString());
    }
    return BigDecimal.valueOf(fen, 2);
  }
}
