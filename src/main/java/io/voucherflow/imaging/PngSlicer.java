package io.voucherflow.imaging;

import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts each field's region, grown by a margin, as a grayscale PNG. The crop is a view of the page,
 * so the only pixel work is the PNG encoding itself.
 */
public final class PngSlicer implements Slicer {

  private final double marginMm;

  /**
   * @param marginMm how much paper around each field region to keep, so handwriting that strays
   *     over a box edge is still on the slice
   */
  public PngSlicer(double marginMm) {
    if (marginMm < 0) {
      throw new IllegalArgumentException("marginMm must not be negative");
    }
    this.marginMm = marginMm;
  }

  @Override
  public List<Slice> slice(PageImage aligned, TemplateDefinition template) {
    double pxPerMm = aligned.width() / template.page().widthMm();
    List<Slice> slices = new ArrayList<>(template.fields().size());
    for (FieldSpec field : template.fields()) {
      PixelBox box =
          PixelBox.of(field.region().grow(marginMm), pxPerMm)
              .clampTo(aligned.width(), aligned.height());
      if (box.isEmpty()) {
        throw new IllegalArgumentException(
            "field " + field.name() + " of " + template.code() + " lies outside the page");
      }
      try (PageImage view = aligned.crop(box)) {
        slices.add(new Slice(field.name(), box, view.encodePng()));
      }
    }
    return slices;
  }
}
