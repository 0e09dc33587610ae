package io.voucherflow.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Audit trail settings (prefix {@code vf.audit}). */
@ConfigMapping(prefix = "vf.audit")
public interface AuditConfig {

  /** How often pending entries are sealed onto the hash chain (also done before every read). */
  @WithDefault("200ms")
  String sealEvery();

  /** Most pending entries sealed in one transaction. */
  @WithDefault("1000")
  int sealBatch();
}
