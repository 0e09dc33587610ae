package io.voucherflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgScopeTest {

  @Test
  void shouldLimitABranchScopeToItsUnits() {
    OrgScope branch = OrgScope.only(Set.of(2L, 4L));
    assertThat(branch.includes(4L)).isTrue();
    assertThat(branch.includes(3L)).isFalse();
  }

  @Test
  void shouldIncludeEveryUnitInABankWideScope() {
    assertThat(OrgScope.everything().includes(99L)).isTrue();
  }
}
