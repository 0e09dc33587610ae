package io.voucherflow.imaging;

import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A template as {@link CorrelationLayoutMatcher} compares it: the inner part of its reference
 * ruling at each trial scale, and its anchors' patches with their boxes at the detail scale.
 */
final class CorrelationLayoutCandidate implements LayoutCandidate {

  /** An anchor patch and where the template prints it, in pixels at the anchor scale. */
  record AnchorPatch(PixelBox box, Mat patch) {}

  private final TemplateDefinition template;
  private final List<Mat> cores;
  private final List<AnchorPatch> anchors;
  private final Region frameMm;

  CorrelationLayoutCandidate(
      TemplateDefinition template, List<Mat> cores, List<AnchorPatch> anchors, Region frameMm) {
    this.template = template;
    this.cores = List.copyOf(cores);
    this.anchors = List.copyOf(anchors);
    this.frameMm = frameMm;
  }

  /** Where the template's printed frame is, in millimetres; null when it has none. */
  Region frameMm() {
    return frameMm;
  }

  @Override
  public TemplateDefinition template() {
    return template;
  }

  List<Mat> cores() {
    return cores;
  }

  List<AnchorPatch> anchors() {
    return anchors;
  }

  @Override
  public void close() {
    cores.forEach(Mat::close);
    anchors.forEach(a -> a.patch().close());
  }
}
