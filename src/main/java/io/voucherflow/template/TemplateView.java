package io.voucherflow.template;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * A stored template version as clients see it: its definition plus the reference image's size and
 * address.
 */
public record TemplateView(
    @JsonUnwrapped TemplateDefinition definition,
    int referenceWidthPx,
    int referenceHeightPx,
    String referenceImage,
    Instant createdAt,
    String createdBy) {}
