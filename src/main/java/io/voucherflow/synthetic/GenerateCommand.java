package io.voucherflow.synthetic;

import io.voucherflow.template.TemplateDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command line: {@code GenerateCommand --template CODE --count N --seed S --out DIR [--no-qr]}
 * writes {@code 0000.jpg} + {@code 0000.json} … into DIR. Voucher {@code i} uses seed {@code S +
 * i}, so any single one can be regenerated alone.
 */
public final class GenerateCommand {

  private GenerateCommand() {}

  public static void main(String[] args) throws IOException {
    String code = null;
    int count = 10;
    long seed = 1;
    Path out = null;
    boolean noQr = false;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--template" -> code = args[++i];
          case "--count" -> count = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--no-qr" -> noQr = true;
          case "-h", "--help" -> {
            usage(0);
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (code == null || out == null || count < 1) {
        throw new IllegalArgumentException("--template and --out are required, --count at least 1");
      }
    } catch (RuntimeException e) {
      System.err.println(e.getMessage() == null ? e.toString() : e.getMessage());
      usage(2);
      return;
    }
    TemplateDefinition template = ShippedTemplates.find(code).orElse(null);
    if (template == null) {
      System.err.println("unknown template " + code + "; shipped: " + ShippedTemplates.CODES);
      System.exit(2);
      return;
    }
    Files.createDirectories(out);
    SyntheticVoucherGenerator generator = new SyntheticVoucherGenerator();
    SyntheticVoucherGenerator.Options options =
        SyntheticVoucherGenerator.Options.defaults().withNoQr(noQr);
    long started = System.nanoTime();
    for (int i = 0; i < count; i++) {
      GeneratedVoucher v = generator.generate(template, seed + i, options);
      String name = String.format("%04d", i);
      Files.write(out.resolve(name + ".jpg"), v.jpeg());
      Files.writeString(out.resolve(name + ".json"), v.truth().toJson(), StandardCharsets.UTF_8);
    }
    long ms = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("%d %s vouchers in %s (%d ms)%n", count, code, out.toAbsolutePath(), ms);
  }

  private static void usage(int status) {
    System.err.println(
        "usage: GenerateCommand --template CODE --count N --seed S --out DIR [--no-qr]\n"
            + "  templates: "
            + String.join(", ", ShippedTemplates.CODES));
    if (status != 0) {
      System.exit(status);
    }
  }
}
