package io.voucherflow.content.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Content store settings (prefix {@code vf.content}). */
@ConfigMapping(prefix = "vf.content")
public interface ContentConfig {

  /**
   * Directory of the filesystem content store; in a cluster, a persistent volume shared by all
   * pods.
   */
  @WithDefault("${user.home}/.voucherflow/content")
  Path root();
}
