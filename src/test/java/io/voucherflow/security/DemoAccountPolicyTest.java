package io.voucherflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoAccountPolicyTest {

  private static final String DEMO_ADMIN = "00000000-0000-4000-8000-000000000001";
  private static final String BANK_ADMIN = "5d2c1a7e-8f0b-4c3d-9e21-7a6b5c4d3e2f";

  @Test
  void shouldRefuseDemoAccountsInProduction() {
    assertThat(new DemoAccountPolicy(false).refuses(DEMO_ADMIN)).isTrue();
  }

  @Test
  void shouldAcceptTheBanksOwnAccountsInProduction() {
    assertThat(new DemoAccountPolicy(false).refuses(BANK_ADMIN)).isFalse();
  }

  @Test
  void shouldAcceptDemoAccountsWhenTheDemoProfileAllowsThem() {
    assertThat(new DemoAccountPolicy(true).refuses(DEMO_ADMIN)).isFalse();
  }
}
