package io.voucherflow.imaging;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.EntryMode;
import io.voucherflow.template.FieldKind;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.OcrSettings;
import io.voucherflow.template.PageSize;
import io.voucherflow.template.QrSpec;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.util.List;
import java.util.Map;

/**
 * Two small voucher templates drawn by the tests themselves: a transfer cheque and a credit slip,
 * 200 mm wide and drawn at 8.5 px/mm, so a page is 1700 x 800 pixels.
 */
final class TestForms {

  static final double PX_PER_MM = 8.5;
  static final int WIDTH_PX = 1700;
  static final int HEIGHT_PX = 800;
  static final PageSize PAGE = new PageSize(200, HEIGHT_PX / PX_PER_MM);
  static final double FRAME_MM = 7;
  static final String ACCOUNT = "6222020200112233";
  static final String PASSWORD = "4096123478125566";

  private static final String DIGITS = "0123456789";

  private TestForms() {}

  static TemplateDefinition cheque() {
    return new TemplateDefinition(
        "TC",
        3,
        "TRANSFER CHEQUE",
        List.of("transfer"),
        PAGE,
        new QrSpec(new Region(157, 16, 22, 22)),
        anchors(new Region(55, 8, 90, 12)),
        List.of(
            field("payerName", FieldKind.TEXT, 12, 22, 80, 9, "chi_sim", null),
            field("date", FieldKind.DATE, 100, 22, 50, 9, "eng", DIGITS + "-"),
            field("payerAccount", FieldKind.ACCOUNT, 12, 34, 80, 9, "eng", DIGITS),
            field("payeeName", FieldKind.TEXT, 12, 46, 80, 9, "chi_sim", null),
            field("payeeAccount", FieldKind.ACCOUNT, 100, 46, 85, 9, "eng", DIGITS),
            field("amountWords", FieldKind.AMOUNT_WORDS, 12, 58, 120, 9, "chi_sim", null),
            field("amountFigures", FieldKind.AMOUNT_FIGURES, 138, 58, 50, 9, "eng", DIGITS),
            field("password", FieldKind.PAYMENT_PASSWORD, 100, 71, 85, 9, "eng", DIGITS)));
  }

  static TemplateDefinition creditSlip() {
    return new TemplateDefinition(
        "CS",
        1,
        "CREDIT SLIP",
        List.of("credit"),
        PAGE,
        new QrSpec(new Region(154, 8, 16, 16)),
        anchors(new Region(65, 8, 70, 12)),
        List.of(
            field("payerBlock", FieldKind.TEXT, 12, 28, 85, 20, "chi_sim", null),
            field("payeeBlock", FieldKind.TEXT, 103, 28, 85, 20, "chi_sim", null),
            field("amountWords", FieldKind.AMOUNT_WORDS, 12, 52, 176, 10, "chi_sim", null),
            field("amountFigures", FieldKind.AMOUNT_FIGURES, 12, 66, 60, 10, "eng", DIGITS),
            field("remark", FieldKind.TEXT, 100, 66, 88, 16, "chi_sim", null)));
  }

  /** What is printed in each field of {@link #cheque()}. */
  static Map<String, String> chequeValues() {
    return Map.of(
        "payerName", "张三贸易有限公司",
        "date", "2025-03-14",
        "payerAccount", ACCOUNT,
        "payeeName", "李四科技",
        "payeeAccount", "6217000010002345678",
        "amountWords", "人民币壹万贰仟叁佰肆拾伍元整",
        "amountFigures", "1234500",
        "password", PASSWORD);
  }

  /** What is printed in each field of {@link #creditSlip()}. */
  static Map<String, String> creditSlipValues() {
    return Map.of(
        "payerBlock", "王五",
        "payeeBlock", "赵六",
        "amountWords", "人民币伍佰元整",
        "amountFigures", "50000",
        "remark", "货款");
  }

  /** The four frame corners (L-shaped, each one of a kind) and the title. */
  private static List<Anchor> anchors(Region title) {
    double inset = 1.5;
    double size = 13;
    double right = PAGE.widthMm() - FRAME_MM;
    double bottom = PAGE.heightMm() - FRAME_MM;
    return List.of(
        new Anchor("title", title),
        new Anchor("topLeft", new Region(FRAME_MM - inset, FRAME_MM - inset, size, size)),
        new Anchor("topRight", new Region(right + inset - size, FRAME_MM - inset, size, size)),
        new Anchor("bottomLeft", new Region(FRAME_MM - inset, bottom + inset - size, size, size)),
        new Anchor(
            "bottomRight", new Region(right + inset - size, bottom + inset - size, size, size)));
  }

  private static FieldSpec field(
      String name,
      FieldKind kind,
      double x,
      double y,
      double w,
      double h,
      String language,
      String whitelist) {
    return new FieldSpec(
        name,
        kind,
        new Region(x, y, w, h),
        new OcrSettings(language, whitelist, 7),
        EntryMode.SLICE,
        true);
  }
}
