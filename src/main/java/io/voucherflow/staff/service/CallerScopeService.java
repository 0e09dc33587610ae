package io.voucherflow.staff.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.organization.OrgScope;
import io.voucherflow.organization.OrgUnitKind;
import io.voucherflow.organization.repository.OrgUnitRepository;
import io.voucherflow.organization.service.OrgUnitService;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which organisation units the caller may see; must run inside a session. Bank-wide roles and staff
 * of the operations centre or head office see every unit; branch staff see their branch and the
 * sub-branches below it.
 */
@ApplicationScoped
public class CallerScopeService {

  private final Caller caller;
  private final CurrentStaffService current;
  private final OrgUnitService orgUnits;
  private final OrgUnitRepository units;

  @Inject
  public CallerScopeService(
      Caller caller,
      CurrentStaffService current,
      OrgUnitService orgUnits,
      OrgUnitRepository units) {
    this.units = units;
    this.caller = caller;
    this.current = current;
    this.orgUnits = orgUnits;
  }

  public Uni<OrgScope> visibleUnits() {
    if (caller.bankWide()) {
      return Uni.createFrom().item(OrgScope.everything());
    }
    // Staff of the operations centre and head office work on every branch's vouchers.
    return current
        .require()
        .chain(
            me ->
                units
                    .findById(me.orgUnitId)
                    .chain(
                        unit ->
                            unit.kind == OrgUnitKind.BRANCH || unit.kind == OrgUnitKind.SUB_BRANCH
                                ? orgUnits.subtreeOf(me.orgUnitId).map(OrgScope::only)
                                : Uni.createFrom().item(OrgScope.everything())));
  }
}
