package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.voucherflow.template.OcrSettings;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.jboss.logging.Logger;

/**
 * OCR through the system libtesseract (Tess4J's JNA binding), about 10 ms per printed field.
 *
 * <p>Initialised Tesseract handles are pooled per language and lent to one caller at a time, so a
 * thread keeps reusing a warm handle and there are never more handles than concurrent callers. (A
 * thread-local handle would do the same for the pipeline's fixed threads, but would load a model
 * per virtual thread.)
 *
 * <p>Set {@code OMP_THREAD_LIMIT=1} in the process environment before the library loads (the launch
 * script and the test run do): Tesseract's OpenMP threads otherwise fight the pipeline's own
 * threads and make each field several times slower. It cannot be set from Java.
 */
public final class TesseractOcrEngine implements OcrEngine, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TesseractOcrEngine.class);
  private static final int SINGLE_LINE = 7;
  // Page segmentation modes that read one line: single line, single word, raw line.
  private static final Set<Integer> ONE_LINE_MODES = Set.of(7, 8, 13);

  private final String datapath;
  private final boolean eraseRules;
  private final int lineHeightPx;
  private final Map<String, Deque<TessHandle>> idle = new ConcurrentHashMap<>();
  private final Set<TessHandle> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param tessdata the directory holding {@code eng.traineddata}, {@code chi_sim.traineddata}
   * @param eraseRules whether to whiten box frames and digit separators before reading
   * @param lineHeightPx one-line slices taller than this are shrunk to it before reading (0:
   *     never). Tesseract's line recogniser works at a small fixed height anyway; at scan
   *     resolution its preprocessing of the larger image costs about a third of the time, for no
   *     better reading
   */
  public TesseractOcrEngine(Path tessdata, boolean eraseRules, int lineHeightPx) {
    if (!Files.isDirectory(tessdata)) {
      throw new IllegalArgumentException("no tessdata directory at " + tessdata);
    }
    this.datapath = tessdata.toString();
    this.eraseRules = eraseRules;
    this.lineHeightPx = lineHeightPx;
    if (System.getenv("OMP_THREAD_LIMIT") == null) {
      LOG.warn(
          "OMP_THREAD_LIMIT is not set: Tesseract will start OpenMP threads per call and OCR will"
              + " be several times slower; set OMP_THREAD_LIMIT=1 in the environment");
    }
  }

  /**
   * Reads with the settings' language (default {@code eng}), whitelist (none when blank) and page
   * segmentation mode (0 or less means 7, a single line).
   */
  @Override
  public OcrResult read(PageImage slice, OcrSettings settings) {
    String language = blank(settings.language()) ? "eng" : settings.language();
    String whitelist = settings.whitelist() == null ? "" : settings.whitelist();
    int psm = settings.pageSegMode() > 0 ? settings.pageSegMode() : SINGLE_LINE;
    TessHandle handle = borrow(language);
    try (Mat pixels = prepare(slice.mat(), psm)) {
      int stride = (int) pixels.step();
      long bytes = (long) stride * (pixels.rows() - 1) + pixels.cols();
      ByteBuffer buffer = pixels.data().capacity(bytes).asByteBuffer();
      OcrResult raw =
          handle.recognise(buffer, pixels.cols(), pixels.rows(), stride, psm, whitelist);
      return tidy(raw, whitelist);
    } finally {
      giveBack(language, handle);
    }
  }

  /** The slice as Tesseract should see it: without rules, at most a line high. A new matrix. */
  private Mat prepare(Mat slice, int psm) {
    Mat clean = eraseRules ? FrameLineEraser.erase(slice) : new Mat(slice);
    if (lineHeightPx <= 0 || clean.rows() <= lineHeightPx || !ONE_LINE_MODES.contains(psm)) {
      return clean;
    }
    Mat small = new Mat();
    int width = (int) Math.max(1, Math.round(clean.cols() * lineHeightPx / (double) clean.rows()));
    try (clean;
        Size size = new Size(width, lineHeightPx)) {
      resize(clean, small, size, 0, 0, INTER_AREA);
    }
    return small;
  }

  /** Ends every idle handle; handles in use end when returned. Call after the workers stop. */
  @Override
  public void close() {
    closed = true;
    idle.values().forEach(this::drain);
  }

  private TessHandle borrow(String language) {
    if (closed) {
      throw new IllegalStateException("OCR engine is closed");
    }
    TessHandle handle =
        idle.computeIfAbsent(language, l -> new ConcurrentLinkedDeque<>()).pollFirst();
    if (handle == null) {
      handle = TessHandle.open(datapath, language);
      open.add(handle);
    }
    return handle;
  }

  private void giveBack(String language, TessHandle handle) {
    Deque<TessHandle> pool = idle.get(language);
    pool.offerFirst(handle); // most recently used first: its caches are warm
    if (closed) {
      drain(pool);
    }
  }

  private void drain(Deque<TessHandle> pool) {
    for (TessHandle h = pool.pollFirst(); h != null; h = pool.pollFirst()) {
      if (open.remove(h)) {
        h.close();
      }
    }
  }

  private static OcrResult tidy(OcrResult raw, String whitelist) {
    String text = raw.text().strip();
    if (!whitelist.isEmpty() && whitelist.indexOf(' ') < 0) {
      // Tesseract separates words with spaces even when the field's alphabet has none.
      text = text.replaceAll("\\s+", "");
    }
    return text.isEmpty() ? OcrResult.EMPTY : new OcrResult(text, raw.confidence());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
