package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;
import java.util.List;

/** Cuts a voucher's field regions out of its aligned page (影像拆分). */
public interface Slicer {

  /**
   * One slice per field of the template, in the template's field order, cut from a page aligned to
   * that template's reference (so millimetres map with the page width). The page stays open.
   */
  List<Slice> slice(PageImage aligned, TemplateDefinition template);

  /**
   * As {@link #slice(PageImage, TemplateDefinition)}, warping only the slices' pixels out of the
   * scan the alignment registered.
   */
  List<Slice> slice(Alignment aligned, TemplateDefinition template);
}
