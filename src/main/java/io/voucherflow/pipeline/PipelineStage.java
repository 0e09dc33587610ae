package io.voucherflow.pipeline;

/**
 * One single-purpose step of the image pipeline (decode, deskew, identify, align, slice, OCR,
 * persist). A stage reads what earlier stages left on the event and adds its own result; it may
 * throw, which marks the voucher failed at this stage and makes later stages pass it by.
 */
public interface PipelineStage {

  /** Short name used in metrics, timings and failure reports, e.g. {@code deskew}. */
  String name();

  void process(VoucherEvent event) throws Exception;
}
