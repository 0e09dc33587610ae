package io.voucherflow.pipeline;

import java.util.List;

/** The stages of the image pipeline in order, with how many handlers each gets. */
public interface PipelineTopology {

  List<Pipeline.StageGroup> stages();
}
