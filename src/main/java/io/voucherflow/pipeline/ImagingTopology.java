package io.voucherflow.pipeline;

import io.voucherflow.content.ContentStore;
import io.voucherflow.imaging.Aligner;
import io.voucherflow.imaging.Deskewer;
import io.voucherflow.imaging.LayoutMatcher;
import io.voucherflow.imaging.OcrEngine;
import io.voucherflow.imaging.QrReader;
import io.voucherflow.imaging.Slicer;
import io.voucherflow.imaging.config.ImagingConfig;
import io.voucherflow.pipeline.Pipeline.StageGroup;
import io.voucherflow.pipeline.config.PipelineConfig;
import io.voucherflow.pipeline.stage.AlignStage;
import io.voucherflow.pipeline.stage.DecodeStage;
import io.voucherflow.pipeline.stage.DeskewStage;
import io.voucherflow.pipeline.stage.IdentifyStage;
import io.voucherflow.pipeline.stage.OcrStage;
import io.voucherflow.pipeline.stage.SliceStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The production topology: decode → deskew → identify → align → slice → OCR (then the caller's
 * hand-over); without OCR handlers the OCR stage is left out.
 */
@ApplicationScoped
public class ImagingTopology implements PipelineTopology {

  private final List<StageGroup> stages;

  @Inject
  public ImagingTopology(
      ContentStore content,
      Deskewer deskewer,
      QrReader qr,
      LayoutMatcher matcher,
      Aligner aligner,
      Slicer slicer,
      OcrEngine ocr,
      TemplateCatalog catalog,
      ImagingConfig imaging,
      PipelineConfig config) {
    int image = config.imageParallelism();
    List<StageGroup> groups =
        new java.util.ArrayList<>(
            List.of(
                new StageGroup(new DecodeStage(content), image),
                new StageGroup(new DeskewStage(deskewer), image),
                new StageGroup(
                    new IdentifyStage(
                        qr,
                        matcher,
                        catalog,
                        imaging.qr().corner(),
                        imaging.qr().roiSizePx(),
                        imaging.layout().minConfidence(),
                        imaging.layout().minMargin()),
                    image),
                new StageGroup(new AlignStage(aligner, catalog), image),
                new StageGroup(new SliceStage(slicer, content), image)));
    if (config.ocrParallelism() > 0) {
      groups.add(new StageGroup(new OcrStage(ocr, config.ocrKinds()), config.ocrParallelism()));
    }
    this.stages = List.copyOf(groups);
  }

  @Override
  public List<StageGroup> stages() {
    return stages;
  }
}
