package io.voucherflow.process;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The sub-process a {@code call} node runs. Saved definitions always carry the version: one left
 * out is pinned to the sub-process's active version when the caller is saved, so a stored version
 * never changes meaning when a sub-process gets a new version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallRef(String process, Integer version) {

  /** {@code CODE/version}, as problems and the diff name it. */
  @Override
  public String toString() {
    return process + "/" + version;
  }
}
