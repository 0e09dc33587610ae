package io.voucherflow.keying;

/**
 * A held task with what the keyer is shown for it.
 *
 * @param slicePng the slice image, or null when the content store no longer has it
 */
public record ShownTask(KeyingAssignment assignment, byte[] slicePng) {}
