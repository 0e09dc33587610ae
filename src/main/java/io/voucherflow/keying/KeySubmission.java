package io.voucherflow.keying;

/**
 * A keyer's key of one task.
 *
 * @param value what was keyed (for an arbitration: the value decided)
 * @param keystrokes keys pressed, for performance statistics; optional
 * @param keyMillis from the slice shown to Enter, as the client measured it; optional
 */
public record KeySubmission(String value, Integer keystrokes, Integer keyMillis) {}
