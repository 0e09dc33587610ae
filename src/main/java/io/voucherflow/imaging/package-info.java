/**
 * The image-processing library the capture pipeline calls: OpenCV, ZXing and Tesseract behind role
 * interfaces, so each pipeline stage can be tested with a fake.
 *
 * <pre>
 *  bytes ──► ImageProbe ──► PageImage.decode ──► Deskewer ──► QrReader ───────┐ VF|code|ver|serial
 *           (headers only,   (grayscale,         (angle,      (corner ROI,    │
 *            bomb check)      UnreadableImage-    straight     then page)     ├──► template
 *                             Exception)          page)          │ none       │
 *                                                                └► LayoutMatcher (confidence)
 *                                                                             │
 *                 OcrEngine ◄── Slicer ◄── Aligner ◄──────────────────────────┘
 *                (text, conf)  (PNG per    (anchors → transform,
 *                               field)      page on reference grid)
 * </pre>
 *
 * <p>Pages are grayscale 8-bit {@link io.voucherflow.imaging.PageImage}s in native memory: every
 * stage returns new pages it does not keep, and the caller closes each one. Templates are prepared
 * once ({@link io.voucherflow.imaging.LayoutMatcher#prepare}, {@link
 * io.voucherflow.imaging.Aligner#prepare}) and reused for every page. All implementations are
 * thread-safe and block: call them from worker threads. Template regions are millimetres; an
 * aligned page maps them with {@code px = mm * width / page.widthMm()}.
 */
package io.voucherflow.imaging;
