package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.synthetic.AccountNumbers;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountCheckDigitsTest {

  @Test
  void shouldAgreeWithTheGeneratorOnValidAccountsAndEverySingleDigitError() {
    SplittableRandom random = new SplittableRandom(42L);
    for (int n = 0; n < 2_000; n++) {
      String account = AccountNumbers.random(random, 16 + random.nextInt(4));
      assertThat(AccountCheckDigits.isValid(account)).as(account).isTrue();
      int i = random.nextInt(account.length());
      char other = (char) ('0' + (account.charAt(i) - '0' + 1 + random.nextInt(9)) % 10);
      String typo = account.substring(0, i) + other + account.substring(i + 1);
      assertThat(AccountCheckDigits.isValid(typo)).as(typo).isFalse();
      assertThat(AccountCheckDigits.isValid(typo)).isEqualTo(AccountNumbers.isValid(typo));
    }
  }

  @Test
  void shouldAcceptAKnownLuhnNumber() {
    assertThat(AccountCheckDigits.isValid("4111111111111111")).isTrue();
    assertThat(AccountCheckDigits.isValid("4111111111111112")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "411111111111111",
        "41111111111111111110",
        "411111111111111a",
        "４１11111111111111"
      })
  void shouldRefuseWrongLengthsAndNonDigits(String account) {
    assertThat(AccountCheckDigits.isValid(account)).isFalse();
  }

  @Test
  void shouldRefuseNull() {
    assertThat(AccountCheckDigits.isValid(null)).isFalse();
  }
}
