package io.voucherflow.rules;

/**
 * Checks an account number: 16–19 ASCII digits ending with a Luhn (mod-10) check digit.
 *
 * <p>Luhn catches every single-digit error and most swaps of neighbouring digits, the slips keyers
 * make. Banks with their own scheme for corporate accounts will need a second function beside this.
 */
public final class AccountCheckDigits {

  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 19;

  private AccountCheckDigits() {}

  /** True when {@code account} has 16–19 digits and ends with the right check digit. */
  public static boolean isValid(String account) {
    if (account == null || account.length() < MIN_LENGTH || account.length() > MAX_LENGTH) {
      return false;
    }
    int sum = 0;
    boolean twice = false; // the check digit itself is not doubled; every second one left of it is
    for (int i = account.length() - 1; i >= 0; i--) {
      int digit = account.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return false;
      }
      if (twice) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
