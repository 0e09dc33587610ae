package io.voucherflow.imaging;

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

  CorrelationLayoutCandidate(
      TemplateDefinition template, List<Mat> cores, List<AnchorPatch> anchors) {
    this.template = template;
    this.cores = List.copyOf(cores);
    this.anchors = List.copyOf(anchors);
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
