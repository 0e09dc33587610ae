package io.voucherflow.organization;

/** The kinds of organisation unit a bank has. */
public enum OrgUnitKind {
  HEAD_OFFICE,
  BRANCH,
  SUB_BRANCH,
  OPERATIONS_CENTRE;

  /** Whether a unit of this kind may sit directly under a unit of kind {@code parent}. */
  public boolean mayBeUnder(OrgUnitKind parent) {
    return switch (this) {
      case HEAD_OFFICE -> parent == null;
      case BRANCH, OPERATIONS_CENTRE -> parent == HEAD_OFFICE;
      case SUB_BRANCH -> parent == BRANCH;
    };
  }
}
