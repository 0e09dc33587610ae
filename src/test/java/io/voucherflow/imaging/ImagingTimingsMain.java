package io.voucherflow.imaging;

import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times the imaging chain on one thread for a generated 1700 x 800 JPEG voucher and prints
 * mean/p50/p99 per stage. Not a test: run it with OMP_THREAD_LIMIT=1 after {@code mvn
 * test-compile}:
 *
 * <pre>
 * OMP_THREAD_LIMIT=1 java -cp "$(cat target/devstack.classpath):target/classes:target/test-classes" \
 *     io.voucherflow.imaging.ImagingTimingsMain
 * </pre>
 */
public final class ImagingTimingsMain {

  private static final int WARM_UP = 50;
  private static final int ITERATIONS = 200;
  private static final String PAYLOAD = "VF|TC|3|000042";
  private static final List<String> OCR_FIELDS = List.of("payerAccount", "password");

  private final Map<String, long[]> nanos = new LinkedHashMap<>();
  private final TemplateDefinition cheque = TestForms.cheque();
  private final Deskewer deskewer = new OtsuRectDeskewer(15, 0.05);
  private final QrReader qr = new ZxingQrReader(true);
  private final LayoutMatcher matcher = new CorrelationLayoutMatcher(10);
  private final Aligner aligner = new AnchorAligner(15, 0.5, false);
  private final Slicer slicer = new PngSlicer(2);
  private final TesseractOcrEngine ocr =
      new TesseractOcrEngine(Path.of("/usr/share/tesseract-ocr/5/tessdata"), true, 48);

  private ImagingTimingsMain() {
    for (String stage :
        List.of(
            "decode",
            "deskew",
            "qr (corner ROI)",
            "layout (2 templates)",
            "align",
            "slice (8 PNG)",
            "ocr (2 fields)",
            "total")) {
      nanos.put(stage, new long[ITERATIONS]);
    }
  }

  public static void main(String[] args) {
    new ImagingTimingsMain().run();
  }

  private void run() {
    byte[] jpeg;
    try (PageImage scan =
        new FormRenderer(cheque, TestForms.chequeValues(), PAYLOAD)
            .page(new FormRenderer.Scan(2.5, 0.98, 20, -15))) {
      jpeg = scan.encodeJpeg(85);
    }
    List<LayoutCandidate> candidates = new ArrayList<>();
    AlignmentReference reference;
    try (PageImage blankCheque = blank(cheque);
        PageImage blankSlip = blank(TestForms.creditSlip())) {
      candidates.add(matcher.prepare(cheque, blankCheque));
      candidates.add(matcher.prepare(TestForms.creditSlip(), blankSlip));
      reference = aligner.prepare(cheque, blankCheque);
    }
    Result last = null;
    for (int i = -WARM_UP; i < ITERATIONS; i++) {
      last = once(jpeg, candidates, reference, i);
    }
    System.out.printf(
        "%d iterations after %d warm-up, one thread, %d-byte JPEG %dx%d, OMP_THREAD_LIMIT=%s%n",
        ITERATIONS,
        WARM_UP,
        jpeg.length,
        TestForms.WIDTH_PX,
        TestForms.HEIGHT_PX,
        System.getenv("OMP_THREAD_LIMIT"));
    System.out.printf("%-22s %8s %8s %8s%n", "stage (ms)", "mean", "p50", "p99");
    nanos.forEach((stage, samples) -> print(stage, samples));
    check(last);
    candidates.forEach(LayoutCandidate::close);
    reference.close();
    ocr.close();
  }

  private record Result(
      Optional<String> qr, String layout, double quality, int slices, List<String> texts) {}

  private Result once(
      byte[] jpeg, List<LayoutCandidate> candidates, AlignmentReference reference, int i) {
    long t0 = System.nanoTime();
    try (PageImage page = PageImage.decode(jpeg)) {
      long t1 = System.nanoTime();
      try (Deskewed deskewed = deskewer.deskew(page)) {
        long t2 = System.nanoTime();
        PageImage straight = deskewed.page();
        Optional<String> payload =
            qr.read(
                straight,
                PixelBox.corner(PageCorner.TOP_RIGHT, 400, straight.width(), straight.height()));
        long t3 = System.nanoTime();
        String layout = matcher.match(straight, candidates).map(LayoutMatch::code).orElse("?");
        long t4 = System.nanoTime();
        try (Alignment aligned = aligner.align(straight, reference)) {
          long t5 = System.nanoTime();
          List<Slice> slices = slicer.slice(aligned.page(), cheque);
          long t6 = System.nanoTime();
          List<String> texts = new ArrayList<>();
          for (String name : OCR_FIELDS) {
            FieldSpec field = cheque.field(name);
            double pxPerMm = aligned.page().width() / cheque.page().widthMm();
            try (PageImage slice = aligned.page().crop(PixelBox.of(field.region(), pxPerMm))) {
              texts.add(ocr.read(slice, field.ocr()).text());
            }
          }
          long t7 = System.nanoTime();
          if (i >= 0) {
            long[] marks = {t0, t1, t2, t3, t4, t5, t6, t7};
            int s = 0;
            for (long[] samples : nanos.values()) {
              samples[i] = s < 7 ? marks[s + 1] - marks[s] : t7 - t0;
              s++;
            }
          }
          return new Result(payload, layout, aligned.quality(), slices.size(), texts);
        }
      }
    }
  }

  private void check(Result r) {
    boolean right =
        r.qr().equals(Optional.of(PAYLOAD))
            && r.layout().equals("TC")
            && r.quality() > 0.7
            && r.slices() == cheque.fields().size()
            && r.texts().equals(List.of(TestForms.ACCOUNT, TestForms.PASSWORD));
    System.out.println("last result " + r + (right ? " — correct" : " — WRONG"));
    if (!right) {
      System.exit(1);
    }
  }

  private static void print(String stage, long[] samples) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
    double p50 = sorted[sorted.length / 2] / 1e6;
    double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    System.out.printf("%-22s %8.2f %8.2f %8.2f%n", stage, mean, p50, p99);
  }

  private static PageImage blank(TemplateDefinition template) {
    return new FormRenderer(template, Map.of(), null).page(FormRenderer.Scan.STRAIGHT);
  }
}
