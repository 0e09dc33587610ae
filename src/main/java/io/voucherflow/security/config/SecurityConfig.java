package io.voucherflow.security.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Security settings of the platform (prefix {@code vf.security}). */
@ConfigMapping(prefix = "vf.security")
public interface SecurityConfig {

  /** Accept tokens of the shipped demo users; true only in the demo and test profiles. */
  @WithDefault("false")
  boolean demoAccountsAllowed();
}
