package io.voucherflow.keying;

/** A keying task keys a field, or arbitrates between two keys that differ. */
public enum KeyingKind {
  KEY,
  ARBITRATE
}
