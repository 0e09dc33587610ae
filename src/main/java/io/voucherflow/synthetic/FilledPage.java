package io.voucherflow.synthetic;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A filled voucher page as printed and written, before any scanning: the image, its scale, and
 * where ink went, in page millimetres: each field's written text (by field name) and the QR label
 * (null without one).
 */
public record FilledPage(
    BufferedImage image,
    double pxPerMm,
    Map<String, Rectangle2D> inkBoxesMm,
    Rectangle2D qrBoxMm) {}
