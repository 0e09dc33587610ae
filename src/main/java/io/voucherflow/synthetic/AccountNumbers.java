package io.voucherflow.synthetic;

import java.util.random.RandomGenerator;

/**
 * Account numbers of 16–19 digits whose last digit is a Luhn (mod-10) check digit.
 *
 * <p>Luhn: starting from the rightmost digit (the check digit) and moving left, double every second
 * digit, subtracting 9 from any result above 9; the number is valid when the sum of all digits so
 * obtained is a multiple of 10. It catches every single-digit error and most swaps of neighbouring
 * digits, which is why the data check (数据检核) runs it on keyed accounts. Real banks use their own
 * schemes for corporate accounts; the synthetic vouchers all use Luhn.
 */
public final class AccountNumbers {

  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 19;

  private AccountNumbers() {}

  /** True when {@code account} is 16–19 ASCII digits ending with the right Luhn check digit. */
  public static boolean isValid(String account) {
    if (account == null || account.length() < MIN_LENGTH || account.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < account.length(); i++) {
      if (account.charAt(i) < '0' || account.charAt(i) > '9') {
        return false;
      }
    }
    String body = account.substring(0, account.length() - 1);
    return checkDigit(body) == account.charAt(account.length() - 1) - '0';
  }

  /** The Luhn check digit to append to {@code body} (digits only). */
  public static int checkDigit(String body) {
    int sum = 0;
    boolean twice = true; // the digit left of the check digit is doubled
    for (int i = body.length() - 1; i >= 0; i--) {
      int digit = body.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new IllegalArgumentException("not a digit string: " + body);
      }
      if (twice) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  /** A random valid account of {@code length} digits (16–19), never starting with 0. */
  public static String random(RandomGenerator random, int length) {
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      throw new IllegalArgumentException("account length must be 16..19: " + length);
    }
    StringBuilder body = new StringBuilder().append(1 + random.nextInt(9));
    while (body.length() < length - 1) {
      body.append(random.nextInt(10));
    }
    return body.append(checkDigit(body.toString())).toString();
  }
}
