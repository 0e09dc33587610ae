package io.voucherflow.dispatch.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Dispatcher settings (prefix {@code vf.dispatch}). */
@ConfigMapping(prefix = "vf.dispatch")
public interface DispatchConfig {

  /** Prefix of every Redis key the dispatcher owns; lets several environments share one Redis. */
  @WithDefault("vf:")
  String keyPrefix();
}
