package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A template as {@link AnchorAligner} registers to it: the reference size and each anchor's centre
 * (reference pixels) with its patch at the coarse and the fine search scale, and the box of its
 * printed frame.
 */
final class AnchorAlignmentReference implements AlignmentReference {

  /** One anchor: its centre on the reference and its patch at both search scales. */
  record AnchorPatches(String name, double centreX, double centreY, Mat coarse, Mat fine) {}

  private final TemplateDefinition template;
  private final int width;
  private final int height;
  private final List<AnchorPatches> anchors;
  private final PixelBox frame;

  AnchorAlignmentReference(
      TemplateDefinition template,
      int width,
      int height,
      List<AnchorPatches> anchors,
      PixelBox frame) {
    this.template = template;
    this.width = width;
    this.height = height;
    this.anchors = List.copyOf(anchors);
    this.frame = frame;
  }

  /** The printed frame's box on the reference, or null when the form has none. */
  PixelBox frame() {
    return frame;
  }

  @Override
  public TemplateDefinition template() {
    return template;
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  List<AnchorPatches> anchors() {
    return anchors;
  }

  @Override
  public void close() {
    for (AnchorPatches a : anchors) {
      a.coarse().close();
      a.fine().close();
    }
  }
}
