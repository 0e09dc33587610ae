package io.voucherflow.process;

/**
 * A definition that passed validation, as it would be stored: its calls pinned to sub-process
 * versions, numbered as the next version of its code.
 */
public record ValidationReport(boolean valid, int nextVersion, ProcessDefinition definition) {}
