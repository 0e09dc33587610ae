package io.voucherflow.imaging.config;

import io.quarkus.runtime.StartupEvent;
import io.voucherflow.imaging.Aligner;
import io.voucherflow.imaging.AnchorAligner;
import io.voucherflow.imaging.CorrelationLayoutMatcher;
import io.voucherflow.imaging.Deskewer;
import io.voucherflow.imaging.LayoutMatcher;
import io.voucherflow.imaging.OtsuRectDeskewer;
import io.voucherflow.imaging.PngSlicer;
import io.voucherflow.imaging.QrReader;
import io.voucherflow.imaging.Slicer;
import io.voucherflow.imaging.TesseractOcrEngine;
import io.voucherflow.imaging.ZxingQrReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/** The imaging library's beans, built from {@link ImagingConfig}; each is stateless or pooled. */
@ApplicationScoped
public class ImagingBeans {

  /**
   * OpenCV's own thread pool stays at the configured size: the pipeline already runs a handler per
   * core, and OpenCV splitting each resize and warp again only adds hand-offs between them.
   */
  void limitOpenCvThreads(@Observes StartupEvent start, ImagingConfig config) {
    org.bytedeco.opencv.global.opencv_core.setNumThreads(config.opencvThreads());
  }

  @Produces
  @Singleton
  Deskewer deskewer(ImagingConfig config) {
    return new OtsuRectDeskewer(
        config.deskew().maxAngleDegrees(), config.deskew().minCorrectionDegrees());
  }

  @Produces
  @Singleton
  QrReader qrReader(ImagingConfig config) {
    return new ZxingQrReader(config.qr().wholePageFallback());
  }

  @Produces
  @Singleton
  LayoutMatcher layoutMatcher(ImagingConfig config) {
    return new CorrelationLayoutMatcher(config.layout().searchMarginMm());
  }

  @Produces
  @Singleton
  Aligner aligner(ImagingConfig config) {
    return new AnchorAligner(
        config.align().searchMarginMm(),
        config.align().minAnchorScore(),
        config.align().perspective());
  }

  @Produces
  @Singleton
  Slicer slicer(ImagingConfig config) {
    return new PngSlicer(config.slice().marginMm(), config.slice().whiteLevel());
  }

  @Produces
  @Singleton
  TesseractOcrEngine ocrEngine(ImagingConfig config) {
    return new TesseractOcrEngine(
        Path.of(config.ocr().tessdataPath()),
        config.ocr().eraseRules(),
        config.ocr().lineHeightPx());
  }

  void closeOcrEngine(@Disposes TesseractOcrEngine engine) {
    engine.close();
  }
}
