package io.voucherflow.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrgTreeTest {

  @Test
  void shouldReturnTheUnitAndEverythingBelowIt() {
    OrgTree tree =
        new OrgTree(List.of(unit(1, null), unit(2, 1L), unit(3, 1L), unit(4, 2L), unit(5, 4L)));
    assertThat(tree.subtreeOf(2)).containsExactlyInAnyOrder(2L, 4L, 5L);
    assertThat(tree.subtreeOf(3)).containsExactly(3L);
    assertThat(tree.subtreeOf(1)).hasSize(5);
  }

  @Test
  void shouldPlaceUnitsOnlyWhereABankWould() {
    assertThat(OrgUnitKind.HEAD_OFFICE.mayBeUnder(null)).isTrue();
    assertThat(OrgUnitKind.BRANCH.mayBeUnder(OrgUnitKind.HEAD_OFFICE)).isTrue();
    assertThat(OrgUnitKind.SUB_BRANCH.mayBeUnder(OrgUnitKind.BRANCH)).isTrue();
    assertThat(OrgUnitKind.SUB_BRANCH.mayBeUnder(OrgUnitKind.HEAD_OFFICE)).isFalse();
    assertThat(OrgUnitKind.OPERATIONS_CENTRE.mayBeUnder(OrgUnitKind.BRANCH)).isFalse();
    assertThat(OrgUnitKind.BRANCH.mayBeUnder(null)).isFalse();
  }

  private static OrgUnit unit(long id, Long parent) {
    OrgUnit u = new OrgUnit();
    u.id = id;
    u.parentId = parent;
    return u;
  }
}
