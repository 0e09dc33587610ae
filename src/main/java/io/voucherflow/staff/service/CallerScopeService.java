package io.voucherflow.staff.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.organization.OrgScope;
import io.voucherflow.organization.service.OrgUnitService;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Which organisation units the caller may see; must run inside a session. */
@ApplicationScoped
public class CallerScopeService {

  private final Caller caller;
  private final CurrentStaffService current;
  private final OrgUnitService orgUnits;

  @Inject
  public CallerScopeService(Caller caller, CurrentStaffService current, OrgUnitService orgUnits) {
    this.caller = caller;
    this.current = current;
    this.orgUnits = orgUnits;
  }

  public Uni<OrgScope> visibleUnits() {
    if (caller.bankWide()) {
      return Uni.createFrom().item(OrgScope.everything());
    }
    return current.require().chain(me -> orgUnits.subtreeOf(me.orgUnitId)).map(OrgScope::only);
  }
}
