/**
 * Synthetic vouchers: realistic scanned images of the shipped templates with exact ground truth,
 * for tests, demo seeding and load tests.
 *
 * <pre>
 *  seed ─┬─ ContentGenerator ── VoucherContent (names, banks, Luhn accounts, 大写金额, dates …)
 *        │        │
 *        ├─ FormRenderer ── blank form (reference image, cached) + values, QR, serial, seals
 *        │        │            = FilledPage (page pixels, ink boxes in mm)
 *        └─ ScanSimulator ── skew, zoom, offset → SensorEffects (blur, exposure, noise)
 *                 │
 *             JpegCodec ── GeneratedVoucher (JPEG bytes, image, GroundTruth in image pixels)
 * </pre>
 *
 * Each arm draws from its own stream of the seed, so the same seed gives byte-identical output and
 * the content does not change when only the scan settings or the QR switch do.
 */
package io.voucherflow.synthetic;
