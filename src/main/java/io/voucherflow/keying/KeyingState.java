package io.voucherflow.keying;

/**
 * Where a keying task is. PostgreSQL records OPEN and the end states; a lease lives in Redis and is
 * written here only with the completion made under it.
 */
public enum KeyingState {
  OPEN,
  LEASED,
  DONE,
  UNREADABLE,
  WITHDRAWN;

  public boolean finished() {
    return this == DONE || this == UNREADABLE || this == WITHDRAWN;
  }
}
