package io.voucherflow.imaging;

/**
 * What an image's headers declare, read before any pixel is decoded: the format, the first page's
 * size, the number of pages and the pixels of all pages together (the figure a decompression-bomb
 * check compares with its limit).
 */
public record ImageHeader(
    ImageFormat format, int width, int height, int pageCount, long totalPixels) {}
