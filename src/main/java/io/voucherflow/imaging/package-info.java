/**
 * The image-processing library the capture pipeline calls: OpenCV, ZXing and Tesseract behind role
 * interfaces, so each pipeline stage can be tested with a fake.
 *
 * <pre>
 *   bytes
 *     |        ImageProbe.probeWithin  headers only: format, size, pages (bomb check)
 *     v
 *   decode     PageImage.decode        grayscale 8-bit page; UnreadableImageException
 *     |
 *     v
 *   deskew     Deskewer.locate         Skew(angle, rotation, printed frame): no pixels moved
 *     |
 *     v
 *   identify   QrReader                corner ROI, then page: "VF|code|version|serial"
 *     |        LayoutMatcher           without a QR: LayoutMatch(template, confidence)
 *     v
 *   align      Aligner                 frame places the page, anchors refine, one warp with the
 *     |                                  rotation folded in: Alignment(page, quality)
 *     |
 *     v
 *   slice      Slicer                  Slice(field, box, PNG) per field, no voucher identity
 *     |
 *     v
 *   OCR        OcrEngine               OcrResult(text, confidence) per field read by OCR
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
