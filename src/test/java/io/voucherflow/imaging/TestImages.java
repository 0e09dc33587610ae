package io.voucherflow.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Image files the tests need beyond what OpenCV writes: multi-page TIFFs, Java images. */
final class TestImages {

  private TestImages() {}

  static BufferedImage toBufferedImage(PageImage page) {
    BufferedImage image =
        new BufferedImage(page.width(), page.height(), BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(page.pixels(), 0, target, 0, target.length);
    return image;
  }

  static PageImage plain(int width, int height, int gray) {
    byte[] pixels = new byte[width * height];
    java.util.Arrays.fill(pixels, (byte) gray);
    return PageImage.ofGray(pixels, width, height);
  }

  /** A TIFF with one page per image, written by the JDK's own TIFF writer. */
  static byte[] multiPageTiff(List<BufferedImage> pages) {
    ImageWriter writer = jdkTiffWriter();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (BufferedImage page : pages) {
        writer.writeToSequence(new IIOImage(page, null, null), null);
      }
      writer.endWriteSequence();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static ImageWriter jdkTiffWriter() {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
    ImageWriter any = null;
    while (writers.hasNext()) {
      ImageWriter w = writers.next();
      if (w.getClass().getName().startsWith("com.sun.imageio")) {
        return w;
      }
      any = w;
    }
    if (any == null) {
      throw new IllegalStateException("no TIFF writer");
    }
    return any;
  }
}
