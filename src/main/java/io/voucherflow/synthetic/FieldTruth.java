package io.voucherflow.synthetic;

import io.voucherflow.template.FieldKind;
import io.voucherflow.template.Region;

/**
 * The truth about one field of a synthetic voucher: its canonical {@code value} and the {@code
 * text} on the paper (see {@link FieldValue}), {@code box} around the ink actually written (for a
 * seal, the stamps), and {@code region} around the template's field region, both in final image
 * pixels: the axis-aligned box of the shape after skew, scale and offset. {@code inkMm} is the ink
 * box in template millimetres, before scanning; map its corners with {@link GroundTruth#mmToImage}
 * to get the exact (turned) quadrilateral in the image.
 */
public record FieldTruth(
    String name,
    FieldKind kind,
    String value,
    String text,
    PixelBox box,
    PixelBox region,
    Region inkMm) {}
