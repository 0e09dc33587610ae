package io.voucherflow.cases.rest;

import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/** A worker's decision on a task: one of the node's outcomes, and the values keyed or recorded. */
public record CompleteTaskRequest(@NotBlank String outcome, Map<String, Object> values) {}
