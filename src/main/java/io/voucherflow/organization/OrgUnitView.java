package io.voucherflow.organization;

import java.util.Map;

/** An organisation unit as clients see it: codes instead of database ids. */
public record OrgUnitView(String code, String name, OrgUnitKind kind, String parentCode) {

  public static OrgUnitView of(OrgUnit unit, Map<Long, String> codesById) {
    return new OrgUnitView(
        unit.code,
        unit.name,
        unit.kind,
        unit.parentId == null ? null : codesById.get(unit.parentId));
  }
}
