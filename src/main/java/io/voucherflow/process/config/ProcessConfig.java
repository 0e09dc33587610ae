package io.voucherflow.process.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Process template settings (prefix {@code vf.process}). */
@ConfigMapping(prefix = "vf.process")
public interface ProcessConfig {

  /**
   * Store and activate the shipped default processes at start when their codes are absent; on in
   * every profile, since cases cannot start without a process bound to their business type.
   */
  @WithDefault("true")
  boolean seedDefaults();
}
