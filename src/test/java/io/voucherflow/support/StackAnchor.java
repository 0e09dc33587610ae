package io.voucherflow.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestStack} once for the whole run (not restricted to one class). */
@QuarkusTestResource(TestStack.class)
public final class StackAnchor {

  private StackAnchor() {}
}
