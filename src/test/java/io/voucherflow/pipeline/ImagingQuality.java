package io.voucherflow.pipeline;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.content.FileSystemContentStore;
import io.voucherflow.imaging.AlignmentReference;
import io.voucherflow.imaging.AnchorAligner;
import io.voucherflow.imaging.CorrelationLayoutMatcher;
import io.voucherflow.imaging.LayoutCandidate;
import io.voucherflow.imaging.OtsuRectDeskewer;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.imaging.PageTransform;
import io.voucherflow.imaging.PngSlicer;
import io.voucherflow.imaging.TesseractOcrEngine;
import io.voucherflow.imaging.ZxingQrReader;
import io.voucherflow.imaging.config.ImagingConfig;
import io.voucherflow.pipeline.config.PipelineConfig;
import io.voucherflow.synthetic.FieldTruth;
import io.voucherflow.synthetic.FormRenderer;
import io.voucherflow.synthetic.GeneratedVoucher;
import io.voucherflow.synthetic.GroundTruth;
import io.voucherflow.synthetic.ShippedTemplates;
import io.voucherflow.synthetic.SyntheticVoucherGenerator;
import io.voucherflow.template.FieldKind;
import io.voucherflow.template.TemplateDefinition;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs generated vouchers through the production imaging stages (the {@link ImagingTopology} built
 * from the configuration defaults) one after the other, and scores each result against the
 * generator's ground truth: template identified, residual skew, every field's true ink box inside
 * its slice, OCR of printed digit fields. Used by {@code ImagingQualityTest}; {@link #main} prints
 * the figures for other seeds and sizes.
 */
public final class ImagingQuality implements AutoCloseable {

  /** What happened to one voucher. */
  public record Outcome(
      GroundTruth truth,
      String identifiedAs,
      String method,
      double confidence,
      double residualSkew,
      String alignment,
      int fields,
      List<String> fieldsOutside,
      int digitFields,
      List<String> digitMisreads) {

    boolean identifiedRightly() {
      return truth.templateCode().equals(identifiedAs);
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final Path contentRoot;
  private final TesseractOcrEngine ocr;
  private final ImagingTopology topology;
  private final StaticCatalog catalog;
  private final double sliceMarginMm;
  private final SyntheticVoucherGenerator generator = new SyntheticVoucherGenerator();
  private final Map<String, Long> stageNanos = new java.util.LinkedHashMap<>();
  private final Map<String, Long> stageCpuNanos = new java.util.LinkedHashMap<>();
  private final java.lang.management.ThreadMXBean threads =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private int runs;

  /**
   * Mean milliseconds per voucher in each stage so far, one thread, stages back to back: elapsed,
   * and in brackets the thread's CPU time (what other load on the machine inflates less).
   */
  public String stageMeans() {
    StringBuilder sb = new StringBuilder();
    stageNanos.forEach(
        (stage, nanos) ->
            sb.append(
                "%s %.1f ms (CPU %.1f), "
                    .formatted(stage, nanos / 1e6 / runs, stageCpuNanos.get(stage) / 1e6 / runs)));
    long total = stageNanos.values().stream().mapToLong(Long::longValue).sum();
    long cpu = stageCpuNanos.values().stream().mapToLong(Long::longValue).sum();
    return sb.append("total %.1f ms (CPU %.1f)".formatted(total / 1e6 / runs, cpu / 1e6 / runs))
        .toString();
  }

  /** Forgets the stage times so far (after a warm-up). */
  public void resetStageMeans() {
    stageNanos.clear();
    stageCpuNanos.clear();
    runs = 0;
  }

  public ImagingQuality() throws Exception {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultSources()
            .withMapping(ImagingConfig.class)
            .withMapping(PipelineConfig.class)
            .build();
    ImagingConfig imaging = config.getConfigMapping(ImagingConfig.class);
    PipelineConfig pipeline = config.getConfigMapping(PipelineConfig.class);
    contentRoot = Files.createTempDirectory("vf-quality");
    org.bytedeco.opencv.global.opencv_core.setNumThreads(imaging.opencvThreads());
    CorrelationLayoutMatcher matcher =
        new CorrelationLayoutMatcher(imaging.layout().searchMarginMm());
    AnchorAligner aligner =
        new AnchorAligner(
            imaging.align().searchMarginMm(),
            imaging.align().minAnchorScore(),
            imaging.align().perspective());
    ocr =
        new TesseractOcrEngine(
            Path.of(imaging.ocr().tessdataPath()),
            imaging.ocr().eraseRules(),
            imaging.ocr().lineHeightPx());
    catalog = new StaticCatalog(matcher, aligner);
    sliceMarginMm = imaging.slice().marginMm();
    topology =
        new ImagingTopology(
            new FileSystemContentStore(vertx, contentRoot),
            new OtsuRectDeskewer(
                imaging.deskew().maxAngleDegrees(), imaging.deskew().minCorrectionDegrees()),
            new ZxingQrReader(imaging.qr().wholePageFallback()),
            matcher,
            aligner,
            new PngSlicer(sliceMarginMm, imaging.slice().whiteLevel()),
            ocr,
            catalog,
            imaging,
            pipeline);
  }

  /** Generates voucher {@code i} of a run (templates in turn, seed {@code seed + i}). */
  public GeneratedVoucher generate(long seed, int i, SyntheticVoucherGenerator.Options options) {
    TemplateDefinition t = ShippedTemplates.all().get(i % ShippedTemplates.all().size());
    return generator.generate(t, seed + i, options);
  }

  /** Runs one voucher through every stage and scores it. */
  public Outcome run(GeneratedVoucher voucher) {
    FileSystemContentStore store = new FileSystemContentStore(vertx, contentRoot);
    String sha = store.putDerivedNow(voucher.jpeg());
    VoucherEvent event = new VoucherEvent();
    event.reset(new VoucherWork(UUID.randomUUID(), sha, "JPEG", null), System.nanoTime());
    try {
      for (Pipeline.StageGroup group : topology.stages()) {
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        group.stage().process(event);
        stageCpuNanos.merge(
            group.stage().name(), threads.getCurrentThreadCpuTime() - cpuStart, Long::sum);
        stageNanos.merge(group.stage().name(), System.nanoTime() - start, Long::sum);
      }
      runs++;
      return score(voucher.truth(), event);
    } catch (Exception e) {
      throw new IllegalStateException("voucher " + voucher.truth().serial() + " failed", e);
    } finally {
      event.release();
    }
  }

  private Outcome score(GroundTruth truth, VoucherEvent event) {
    var deskewed = event.get(PipelineKeys.SKEW);
    Recognition r = event.get(PipelineKeys.RECOGNITION);
    double residual = deskewed.angleDegrees() - truth.skewDegrees();
    if (!r.recognised()) {
      return new Outcome(
          truth, null, r.method(), r.confidence(), residual, "-", 0, List.of(), 0, List.of());
    }
    var aligned = event.get(PipelineKeys.ALIGNED);
    FieldResults fields = event.get(PipelineKeys.FIELDS);
    // The alignment's transform maps the scan's pixels onto the reference (straightening included).
    PageTransform toReference = aligned.transform();
    List<String> outside = new ArrayList<>();
    List<String> misreads = new ArrayList<>();
    int digitFields = 0;
    for (FieldResult f : fields.fields()) {
      FieldTruth t = truth.field(f.spec().name());
      if (t == null || t.inkMm() == null) {
        continue;
      }
      double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
      var b = t.inkMm();
      List<Double> m = truth.mmToImage();
      for (double[] mm :
          new double[][] {
            {b.x(), b.y()}, {b.x() + b.width(), b.y()},
            {b.x(), b.y() + b.height()}, {b.x() + b.width(), b.y() + b.height()}
          }) {
        double[] p = {
          m.get(0) * mm[0] + m.get(2) * mm[1] + m.get(4),
          m.get(1) * mm[0] + m.get(3) * mm[1] + m.get(5)
        };
        double[] q = toReference.map(p[0], p[1]);
        minX = Math.min(minX, q[0]);
        minY = Math.min(minY, q[1]);
        maxX = Math.max(maxX, q[0]);
        maxY = Math.max(maxY, q[1]);
      }
      var s = f.box();
      // One pixel of slack for rounding the box corners to whole pixels.
      if (minX < s.x() - 1
          || minY < s.y() - 1
          || maxX > s.x() + s.width() + 1
          || maxY > s.y() + s.height() + 1) {
        outside.add(
            "%s %s: ink [%.0f,%.0f..%.0f,%.0f] slice %s"
                .formatted(truth.serial(), t.name(), minX, minY, maxX, maxY, s));
      }
      if (truth.penStyle() == io.voucherflow.synthetic.PenStyle.PRINTED
          && (t.kind() == FieldKind.ACCOUNT || t.kind() == FieldKind.AMOUNT_FIGURES)) {
        digitFields++;
        String expected = t.text().replaceAll("[^0-9]", "");
        String read = f.ocrText() == null ? "" : f.ocrText().replaceAll("\\s", "");
        if (!expected.equals(read)) {
          misreads.add(truth.serial() + " " + t.name() + ": " + t.text() + " read " + read);
        }
      }
    }
    return new Outcome(
        truth,
        r.template().code(),
        r.method(),
        r.confidence(),
        residual,
        "quality %.2f anchors %d misfit %.1f px"
            .formatted(aligned.quality(), aligned.anchorsUsed(), aligned.residualPx()),
        fields.fields().size(),
        outside,
        digitFields,
        misreads);
  }

  @Override
  public void close() {
    ocr.close();
    catalog.close();
    vertx.closeAndAwait();
  }

  /** The shipped templates with the reference images the seeder stores, prepared once. */
  static final class StaticCatalog implements TemplateCatalog, AutoCloseable {

    private final Map<String, TemplateDefinition> definitions = new HashMap<>();
    private final Map<String, AlignmentReference> alignments = new HashMap<>();
    private final List<LayoutCandidate> candidates = new ArrayList<>();

    StaticCatalog(CorrelationLayoutMatcher matcher, AnchorAligner aligner) {
      for (TemplateDefinition t : ShippedTemplates.all()) {
        int width = SyntheticVoucherGenerator.Options.defaults().widthFor(t);
        BufferedImage blank = new FormRenderer().renderBlank(t, width);
        BufferedImage gray =
            new BufferedImage(blank.getWidth(), blank.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(blank, 0, 0, null);
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try (PageImage reference = PageImage.ofGray(pixels, gray.getWidth(), gray.getHeight())) {
          String key = t.code() + "/" + t.version();
          definitions.put(key, t);
          candidates.add(matcher.prepare(t, reference));
          alignments.put(key, aligner.prepare(t, reference));
        }
      }
    }

    @Override
    public TemplateDefinition definition(String code, int version) {
      return definitions.get(code + "/" + version);
    }

    @Override
    public List<? extends LayoutCandidate> layoutCandidates() {
      return candidates;
    }

    @Override
    public AlignmentReference alignment(String code, int version) {
      return alignments.get(code + "/" + version);
    }

    @Override
    public void close() {
      candidates.forEach(LayoutCandidate::close);
      alignments.values().forEach(AlignmentReference::close);
    }
  }

  /** Summary figures of a run. */
  public record Figures(
      int vouchers,
      int identified,
      int wrong,
      int skewWithin,
      int fields,
      int fieldsInside,
      int digitFields,
      int digitsRight) {

    static Figures of(List<Outcome> outcomes, double maxResidual) {
      int identified = 0, wrong = 0, skew = 0, fields = 0, inside = 0, digits = 0, right = 0;
      for (Outcome o : outcomes) {
        if (o.identifiedRightly()) {
          identified++;
        } else if (o.identifiedAs() != null) {
          wrong++;
        }
        if (Math.abs(o.residualSkew()) <= maxResidual) {
          skew++;
        }
        fields += o.fields();
        inside += o.fields() - o.fieldsOutside().size();
        digits += o.digitFields();
        right += o.digitFields() - o.digitMisreads().size();
      }
      return new Figures(outcomes.size(), identified, wrong, skew, fields, inside, digits, right);
    }

    String describe(String label) {
      return "%s: %d vouchers; identified %d (%.1f %%), wrong %d; residual skew ≤ 0.3° %d (%.1f %%);"
              .formatted(
                  label,
                  vouchers,
                  identified,
                  100.0 * identified / vouchers,
                  wrong,
                  skewWithin,
                  100.0 * skewWithin / vouchers)
          + " true box inside slice %d/%d (%.2f %%); printed digit fields read %d/%d (%.1f %%)"
              .formatted(
                  fieldsInside,
                  fields,
                  fields == 0 ? 0 : 100.0 * fieldsInside / fields,
                  digitsRight,
                  digitFields,
                  digitFields == 0 ? 0 : 100.0 * digitsRight / digitFields);
    }
  }

  private static void fromDirectory(Path dir, int passes) throws Exception {
    List<GeneratedVoucher> vouchers = new ArrayList<>();
    try (var files = Files.list(dir)) {
      for (Path jpg : files.filter(f -> f.toString().endsWith(".jpg")).sorted().toList()) {
        Path json = jpg.resolveSibling(jpg.getFileName().toString().replace(".jpg", ".json"));
        vouchers.add(
            new GeneratedVoucher(
                Files.readAllBytes(jpg), null, GroundTruth.fromJson(Files.readString(json))));
      }
    }
    try (ImagingQuality q = new ImagingQuality()) {
      List<Outcome> outcomes = new ArrayList<>();
      for (int pass = 0; pass < passes; pass++) {
        if (pass == passes - 1) {
          q.resetStageMeans(); // the last pass is the one timed; earlier ones warm up
          outcomes.clear();
          System.out.println("timing starts");
        }
        for (GeneratedVoucher v : vouchers) {
          outcomes.add(q.run(v));
        }
      }
      System.out.println(Figures.of(outcomes, 0.3).describe(dir.toString()));
      System.out.println("stage means: " + q.stageMeans());
    }
  }

  /**
   * Args: count (default 200), seed (default 20261123), {@code noqr} to blank the QR; or {@code
   * --dir DIR [passes]}: the vouchers {@code bin/voucherflow generate} wrote there, read from disk
   * first so that only the stages run while timing (for profiling).
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[0].equals("--dir")) {
      fromDirectory(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 1);
      return;
    }
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261123L;
    boolean noQr = args.length > 2 && args[2].equals("noqr");
    try (ImagingQuality q = new ImagingQuality()) {
      List<Outcome> outcomes = new ArrayList<>();
      int warmUp = Integer.getInteger("vf.warmUp", 0);
      for (int i = 0; i < warmUp; i++) {
        q.run(q.generate(seed + 1_000_000, i, SyntheticVoucherGenerator.Options.defaults()));
      }
      q.resetStageMeans();
      for (int i = 0; i < count; i++) {
        Outcome o =
            q.run(q.generate(seed, i, SyntheticVoucherGenerator.Options.defaults().withNoQr(noQr)));
        outcomes.add(o);
        if (!o.identifiedRightly()
            || Math.abs(o.residualSkew()) > 0.3
            || !o.fieldsOutside().isEmpty()
            || !o.digitMisreads().isEmpty()) {
          System.out.printf(
              "#%d %s as %s (%s %.2f) skew %.2f residual %.2f %s outside %s misreads %s%n",
              i,
              o.truth().templateCode(),
              o.identifiedAs(),
              o.method(),
              o.confidence(),
              o.truth().skewDegrees(),
              o.residualSkew(),
              o.alignment(),
              o.fieldsOutside().size() + " " + o.fieldsOutside().stream().limit(2).toList(),
              o.digitMisreads());
        }
      }
      System.out.println(Figures.of(outcomes, 0.3).describe(noQr ? "without QR" : "with QR"));
      System.out.println("stage means: " + q.stageMeans());
    }
  }
}
