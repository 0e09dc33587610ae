package io.voucherflow.imaging;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads only the headers of a JPEG, PNG or TIFF: a few hundred bytes at most per page, no pixel
 * decoding, so an upload can be rejected for its declared size before it costs any memory.
 */
public final class ImageProbe {

  // A TIFF whose IFD chain runs on past this is hostile or broken; stop walking it.
  private static final int MAX_TIFF_PAGES = 10_000;
  private static final int TAG_IMAGE_WIDTH = 256;
  private static final int TAG_IMAGE_LENGTH = 257;
  private static final int TIFF_SHORT = 3;
  private static final int TIFF_LONG = 4;

  private ImageProbe() {}

  /**
   * The declared format, size and page count.
   *
   * @throws UnreadableImageException when the headers are missing, truncated or of another format
   */
  public static ImageHeader probe(byte[] encoded) {
    if (encoded == null || encoded.length < 8) {
      throw new UnreadableImageException("too short to be an image");
    }
    ByteBuffer bytes = ByteBuffer.wrap(encoded);
    try {
      if (u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8) {
        return jpeg(bytes);
      }
      if (bytes.getLong(0) == 0x89504E470D0A1A0AL) {
        return png(bytes);
      }
      if (encoded[0] == encoded[1] && (encoded[0] == 'I' || encoded[0] == 'M')) {
        return tiff(bytes);
      }
    } catch (IndexOutOfBoundsException e) {
      throw new UnreadableImageException("truncated image header", e);
    }
    throw new UnreadableImageException("not a JPEG, PNG or TIFF");
  }

  /**
   * The headers, provided they declare at most {@code maxPixels} pixels over all pages and at most
   * {@code maxPages} pages: the check to make before {@link PageImage#decode} on untrusted bytes.
   *
   * @throws UnreadableImageException when the headers are unreadable or declare too much
   */
  public static ImageHeader probeWithin(byte[] encoded, long maxPixels, int maxPages) {
    ImageHeader header = probe(encoded);
    if (header.totalPixels() > maxPixels || header.pageCount() > maxPages) {
      throw new UnreadableImageException(
          "image declares "
              + header.pageCount()
              + " page(s) of "
              + header.totalPixels()
              + " pixels in all; the limit is "
              + maxPages
              + " page(s) and "
              + maxPixels
              + " pixels");
    }
    return header;
  }

  private static ImageHeader png(ByteBuffer bytes) {
    // The first chunk must be IHDR: length(4) type(4) width(4) height(4), big-endian.
    if (bytes.getInt(12) != 0x49484452) {
      throw new UnreadableImageException("PNG without IHDR");
    }
    return header(ImageFormat.PNG, bytes.getInt(16), bytes.getInt(20), 1, 0);
  }

  private static ImageHeader jpeg(ByteBuffer bytes) {
    int pos = 2;
    while (true) {
      if (u8(bytes, pos) != 0xFF) {
        throw new UnreadableImageException("JPEG marker expected at " + pos);
      }
      while (u8(bytes, pos) == 0xFF) {
        pos++; // fill bytes may pad any marker
      }
      int marker = u8(bytes, pos++);
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        continue; // standalone markers carry no length
      }
      if (marker == 0xD9 || marker == 0xDA) {
        throw new UnreadableImageException("JPEG without a frame header");
      }
      int length = u16(bytes, pos);
      if (length < 2) {
        throw new UnreadableImageException("JPEG segment of length " + length);
      }
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC): length(2) precision(1) height(2)
      // width(2).
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
        return header(ImageFormat.JPEG, u16(bytes, pos + 5), u16(bytes, pos + 3), 1, 0);
      }
      pos += length;
    }
  }

  private static ImageHeader tiff(ByteBuffer bytes) {
    bytes.order(bytes.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    if (bytes.getShort(2) != 42) {
      throw new UnreadableImageException("not a classic TIFF (BigTIFF is not supported)");
    }
    long ifd = Integer.toUnsignedLong(bytes.getInt(4));
    Set<Long> seen = new HashSet<>();
    int pages = 0;
    int firstWidth = 0;
    int firstHeight = 0;
    long totalPixels = 0;
    while (ifd != 0 && pages < MAX_TIFF_PAGES) {
      if (!seen.add(ifd) || ifd > bytes.limit() - 2) {
        throw new UnreadableImageException("TIFF directory chain is broken");
      }
      int at = (int) ifd;
      int entries = u16(bytes, at);
      int width = 0;
      int height = 0;
      for (int i = 0; i < entries; i++) {
        int entry = at + 2 + 12 * i;
        int tag = u16(bytes, entry);
        if (tag == TAG_IMAGE_WIDTH) {
          width = tiffNumber(bytes, entry);
        } else if (tag == TAG_IMAGE_LENGTH) {
          height = tiffNumber(bytes, entry);
        }
      }
      if (pages == 0) {
        firstWidth = width;
        firstHeight = height;
      }
      totalPixels += (long) width * height;
      pages++;
      ifd = Integer.toUnsignedLong(bytes.getInt(at + 2 + 12 * entries));
    }
    return header(ImageFormat.TIFF, firstWidth, firstHeight, pages, totalPixels);
  }

  private static int tiffNumber(ByteBuffer bytes, int entry) {
    int type = u16(bytes, entry + 2);
    if (type == TIFF_SHORT) {
      return u16(bytes, entry + 8);
    }
    if (type == TIFF_LONG) {
      return bytes.getInt(entry + 8);
    }
    throw new UnreadableImageException("TIFF dimension of type " + type);
  }

  private static ImageHeader header(
      ImageFormat format, int width, int height, int pages, long totalPixels) {
    if (width <= 0 || height <= 0) {
      throw new UnreadableImageException(format + " header declares " + width + "x" + height);
    }
    long total = totalPixels > 0 ? totalPixels : (long) width * height;
    return new ImageHeader(format, width, height, pages, total);
  }

  private static int u8(ByteBuffer bytes, int at) {
    return bytes.get(at) & 0xFF;
  }

  private static int u16(ByteBuffer bytes, int at) {
    return bytes.getShort(at) & 0xFFFF;
  }
}
