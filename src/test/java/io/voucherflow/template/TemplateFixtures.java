package io.voucherflow.template;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** Small, valid template definitions and reference images for tests. */
public final class TemplateFixtures {

  private TemplateFixtures() {}

  public static TemplateDefinition slip(String code, String name) {
    return new TemplateDefinition(
        code,
        1,
        name,
        List.of("TRANSFER"),
        new PageSize(200, 100),
        new QrSpec(new Region(175, 5, 20, 20)),
        List.of(
            new Anchor("title", new Region(70, 5, 60, 10)),
            new Anchor("grid", new Region(120, 40, 70, 15)),
            new Anchor("corner", new Region(5, 85, 10, 10))),
        List.of(
            new FieldSpec(
                "payerAccount",
                FieldKind.ACCOUNT,
                new Region(30, 25, 80, 8),
                new OcrSettings("eng", "0123456789", 7),
                EntryMode.SLICE,
                true),
            new FieldSpec(
                "amountFigures",
                FieldKind.AMOUNT_FIGURES,
                new Region(120, 40, 70, 15),
                new OcrSettings("eng", "0123456789", 7),
                EntryMode.SLICE,
                true),
            new FieldSpec(
                "seal", FieldKind.SEAL, new Region(20, 60, 40, 30), null, EntryMode.NONE, false)));
  }

  /** A PNG of the given size with a frame drawn on it. */
  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.drawRect(10, 10, width - 20, height - 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
