package io.voucherflow.imaging;

import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.util.Objects;
import net.sourceforge.tess4j.ITessAPI;
import net.sourceforge.tess4j.TessAPI;

/**
 * One initialised Tesseract instance for one language, used by one thread at a time. Loading a
 * language model costs a few hundred milliseconds, which is why handles are kept and reused rather
 * than created per field as Tess4J's {@code Tesseract.doOCR} does.
 */
final class TessHandle implements AutoCloseable {

  // Tess4J's interface mapping binds each function on first use; its direct mapping (TessAPI1)
  // binds all at load and fails on the functions Debian's libtesseract 5.3 lacks.
  private static final TessAPI API = TessAPI.INSTANCE;
  // Slices carry no resolution; this only quiets Tesseract's guess and tunes its size heuristics.
  private static final int ASSUMED_DPI = 300;

  private final ITessAPI.TessBaseAPI handle;
  private int pageSegMode = -1;
  private String whitelist;

  private TessHandle(ITessAPI.TessBaseAPI handle) {
    this.handle = handle;
  }

  /** Loads {@code language} from {@code datapath}. */
  static TessHandle open(String datapath, String language) {
    ITessAPI.TessBaseAPI handle = API.TessBaseAPICreate();
    if (API.TessBaseAPIInit3(handle, datapath, language) != 0) {
      API.TessBaseAPIDelete(handle);
      throw new IllegalStateException(
          "Tesseract cannot load language '" + language + "' from " + datapath);
    }
    // Vouchers print dark on light: never retry a line as inverted text, a wasted second pass.
    API.TessBaseAPISetVariable(handle, "tessedit_do_invert", "0");
    return new TessHandle(handle);
  }

  /** Recognises an 8-bit grayscale image; rows are {@code bytesPerLine} apart. */
  OcrResult recognise(
      ByteBuffer pixels, int width, int height, int bytesPerLine, int psm, String chars) {
    if (psm != pageSegMode) {
      API.TessBaseAPISetPageSegMode(handle, psm);
      pageSegMode = psm;
    }
    if (!Objects.equals(chars, whitelist)) {
      // An empty value lifts a whitelist a previous field set on this handle.
      API.TessBaseAPISetVariable(handle, "tessedit_char_whitelist", chars);
      whitelist = chars;
    }
    API.TessBaseAPISetImage(handle, pixels, width, height, 1, bytesPerLine);
    API.TessBaseAPISetSourceResolution(handle, ASSUMED_DPI);
    Pointer text = API.TessBaseAPIGetUTF8Text(handle);
    try {
      String read = text == null ? "" : text.getString(0, "UTF-8");
      int confidence = API.TessBaseAPIMeanTextConf(handle);
      return new OcrResult(read, Math.max(0, confidence) / 100.0);
    } finally {
      if (text != null) {
        API.TessDeleteText(text);
      }
      API.TessBaseAPIClear(handle);
    }
  }

  @Override
  public void close() {
    API.TessBaseAPIEnd(handle);
    API.TessBaseAPIDelete(handle);
  }
}
