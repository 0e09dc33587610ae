package io.voucherflow.synthetic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Everything known about a synthetic voucher image, written as JSON beside it.
 *
 * <p>{@code skewDegrees} is the rotation applied to the page, positive = counter-clockwise as seen
 * on screen (so a deskewer must turn the image clockwise by that much). {@code scale} is the zoom
 * applied on top of {@code pxPerMm}. {@code mmToImage} maps template millimetres to final image
 * pixels as the six numbers {@code [m00, m10, m01, m11, m02, m12]} of {@link
 * java.awt.geom.AffineTransform#getMatrix}: {@code x' = m00*x + m01*y + m02}, {@code y' = m10*x +
 * m11*y + m12}. {@code qrBox} is null and {@code qrPayload} null when no QR code was printed.
 */
public record GroundTruth(
    String templateCode,
    int templateVersion,
    String serial,
    boolean qrPresent,
    String qrPayload,
    PixelBox qrBox,
    double skewDegrees,
    double scale,
    double pxPerMm,
    List<Double> mmToImage,
    int imageWidth,
    int imageHeight,
    int jpegQuality,
    PenStyle penStyle,
    List<FieldTruth> fields) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The truth for field {@code name}, or null. */
  public FieldTruth field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** This ground truth as indented JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a ground truth written by {@link #toJson}. */
  public static GroundTruth fromJson(String json) {
    try {
      return JSON.readValue(json, GroundTruth.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
