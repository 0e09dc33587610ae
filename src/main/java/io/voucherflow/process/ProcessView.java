package io.voucherflow.process;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/** A stored process version as clients see it: its definition, whether active, who saved it. */
public record ProcessView(
    @JsonUnwrapped ProcessDefinition definition,
    boolean active,
    Instant createdAt,
    String createdBy) {}
