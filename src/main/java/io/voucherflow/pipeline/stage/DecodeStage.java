package io.voucherflow.pipeline.stage;

import io.voucherflow.content.ContentStore;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.VoucherEvent;
import java.util.List;

/**
 * Loads the original from the content store and decodes it to grayscale. A two-page TIFF holds
 * front and back: the back page is stored on its own, as a PNG, for the image endpoint.
 */
public final class DecodeStage implements PipelineStage {

  private final ContentStore content;

  public DecodeStage(ContentStore content) {
    this.content = content;
  }

  @Override
  public String name() {
    return "decode";
  }

  @Override
  public void process(VoucherEvent event) {
    byte[] original = content.getNow(event.work().originalSha256());
    if (!"TIFF".equals(event.work().originalFormat())) {
      event.put(PipelineKeys.FRONT, PageImage.decode(original));
      return;
    }
    List<PageImage> pages = PageImage.decodePages(original, 2);
    event.put(PipelineKeys.FRONT, pages.get(0));
    if (pages.size() > 1) {
      try (PageImage back = pages.get(1)) {
        event.put(PipelineKeys.BACK_SHA, content.putDerivedNow(back.encodePng()));
      }
    }
  }
}
