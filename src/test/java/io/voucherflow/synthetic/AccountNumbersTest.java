package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AccountNumbersTest {

  @Test
  void shouldAcceptAKnownLuhnNumberAndRefuseItsNeighbour() {
    assertThat(AccountNumbers.isValid("4111111111111111")).isTrue();
    assertThat(AccountNumbers.isValid("4111111111111112")).isFalse();
    assertThat(AccountNumbers.checkDigit("6222020200112233445")).isBetween(0, 9);
  }

  @Test
  void shouldGenerateValidAccountsOfEveryAllowedLength() {
    SplittableRandom random = new SplittableRandom(7);
    for (int length = 16; length <= 19; length++) {
      for (int i = 0; i < 50; i++) {
        String account = AccountNumbers.random(random, length);
        assertThat(account).hasSize(length).doesNotStartWith("0");
        assertThat(AccountNumbers.isValid(account)).as(account).isTrue();
      }
    }
  }

  @Test
  void shouldCatchEverySingleMistypedDigit() {
    String account = AccountNumbers.random(new SplittableRandom(3), 19);
    for (int i = 0; i < account.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != account.charAt(i)) {
          String typo = account.substring(0, i) + d + account.substring(i + 1);
          assertThat(AccountNumbers.isValid(typo)).as(typo).isFalse();
        }
      }
    }
  }

  @Test
  void shouldRefuseWrongLengthsAndNonDigits() {
    assertThat(AccountNumbers.isValid("79927398713")).isFalse(); // valid Luhn but 11 digits
    assertThat(AccountNumbers.isValid("411111111111111a")).isFalse();
    assertThat(AccountNumbers.isValid(null)).isFalse();
  }
}
