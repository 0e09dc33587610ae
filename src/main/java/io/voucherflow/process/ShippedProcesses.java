package io.voucherflow.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * The default processes shipped as YAML under {@code processes/}: the sub-processes first, since
 * the business processes call them and are pinned to their versions when saved.
 */
public final class ShippedProcesses {

  /** Sub-processes (原子流程), in an order where each is stored before anything calling it. */
  public static final List<String> SUBPROCESSES =
      List.of("SCAN", "DATA_ENTRY", "SEAL_CHECK", "PHONE_VERIFY", "REVIEW", "AUTHORISE", "PRINT");

  /** Business processes for 转账支票, 进账单 and 电汇凭证. */
  public static final List<String> BUSINESS = List.of("TRANSFER", "CREDIT", "REMITTANCE");

  private ShippedProcesses() {}

  /** Every shipped definition, sub-processes first. */
  public static List<ProcessDefinition> all() {
    return Stream.concat(SUBPROCESSES.stream(), BUSINESS.stream())
        .map(ShippedProcesses::load)
        .toList();
  }

  /** The shipped definition of {@code code}, from {@code processes/<code>.yaml}. */
  public static ProcessDefinition load(String code) {
    String path = "processes/" + code + ".yaml";
    try (InputStream in = ShippedProcesses.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing shipped process " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return ProcessDocuments.parse(text, ProcessDocuments.Format.YAML);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
