/**
 * The image pipeline: one multi-producer LMAX Disruptor ring buffer and single-purpose stages.
 *
 * <pre>
 *  capture (HTTP) ──offer──► [ ring buffer, preallocated VoucherEvents ]
 *                                   │
 *   decode ×n ─► deskew ×n ─► identify ×n ─► align ×n ─► slice ×n ─► ocr ×m ─► hand-over ×1
 *   (content     (Otsu +       (QR corner,     (anchors,   (regions    (Tess4J,   (batched SQL:
 *    store)       minAreaRect)  then layout     affine)     + margin,   handle per  voucher, fields,
 *                               matching)                   store)      thread)     audit)
 * </pre>
 *
 * <p>Disruptor 4 has no worker pool: a stage with parallelism {@code n} has {@code n} handlers,
 * each taking the sequences {@code seq % n == i}. Handlers wait with a blocking strategy (busy
 * spinning starves two-core machines). A full ring refuses new work instead of queueing it, and
 * capture answers 503. Stages depend on role interfaces from {@code io.voucherflow.imaging}
 * (OpenCV, ZXing and Tess4J stay behind them), so each stage can be tested alone. A stage that
 * throws fails only its voucher; later stages pass it by and the hand-over records the failure.
 */
package io.voucherflow.pipeline;
