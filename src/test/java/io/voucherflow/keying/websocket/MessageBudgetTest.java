package io.voucherflow.keying.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageBudgetTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void shouldAllowTheBurstThenRefuseUntilItRefills() {
    MessageBudget budget = new MessageBudget(2, 3, 0);
    assertThat(budget.take(0)).isTrue();
    assertThat(budget.take(0)).isTrue();
    assertThat(budget.take(0)).isTrue();
    assertThat(budget.take(0)).isFalse();

    assertThat(budget.take(SECOND / 2)).isTrue();
    assertThat(budget.take(SECOND / 2)).isFalse();
    assertThat(budget.take(10 * SECOND)).isTrue();
  }
}
