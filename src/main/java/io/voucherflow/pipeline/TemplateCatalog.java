package io.voucherflow.pipeline;

import io.voucherflow.imaging.AlignmentReference;
import io.voucherflow.imaging.LayoutCandidate;
import io.voucherflow.template.TemplateDefinition;
import java.util.List;

/** The templates the pipeline recognises and aligns to, prepared once and kept in memory. */
public interface TemplateCatalog {

  /** A stored template version, or null when there is none. */
  TemplateDefinition definition(String code, int version);

  /** The latest version of every template, prepared for layout matching. */
  List<? extends LayoutCandidate> layoutCandidates();

  /** The version's reference, prepared for alignment. */
  AlignmentReference alignment(String code, int version);
}
