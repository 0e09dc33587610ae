package io.voucherflow.organization;

import java.util.Set;

/**
 * The organisation units a caller may see: everything for bank-wide roles, otherwise their own unit
 * and the units below it (a teller sees their branch's vouchers, not another branch's).
 */
public record OrgScope(boolean bankWide, Set<Long> unitIds) {

  public static OrgScope everything() {
    return new OrgScope(true, Set.of());
  }

  public static OrgScope only(Set<Long> unitIds) {
    return new OrgScope(false, Set.copyOf(unitIds));
  }

  public boolean includes(Long unitId) {
    return bankWide || unitIds.contains(unitId);
  }
}
