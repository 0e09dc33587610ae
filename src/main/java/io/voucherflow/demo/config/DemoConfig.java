package io.voucherflow.demo.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo bank settings (prefix {@code vf.demo}). */
@ConfigMapping(prefix = "vf.demo")
public interface DemoConfig {

  /**
   * Seed the demo bank (units, posts, one staff member per demo user) at start; demo and test
   * profiles only.
   */
  @WithDefault("false")
  boolean seed();
}
