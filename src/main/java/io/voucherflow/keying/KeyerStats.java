package io.voucherflow.keying;

/**
 * How a keyer is doing over the statistics window, and how much work waits.
 *
 * @param fieldsPerHour fields keyed (or marked unreadable), scaled to an hour
 * @param keystrokesPerHour keystrokes of those fields, scaled to an hour
 * @param accuracy share of keyed fields that were not found wrong when settled; null before the
 *     first field
 * @param queueDepth tasks waiting in the keyer's post queue
 */
public record KeyerStats(
    long fieldsPerHour, long keystrokesPerHour, Double accuracy, long queueDepth) {}
