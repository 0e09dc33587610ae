package io.voucherflow.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A rule with every saved version, oldest first, and which one is in force. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleView(
    long id,
    String code,
    RuleKind kind,
    String name,
    String description,
    Integer activeVersion,
    int latestVersion,
    Instant activatedAt,
    String activatedBy,
    Instant createdAt,
    String createdBy,
    List<Version> versions) {

  /** One saved version: what it says, what it reads, who saved it when. */
  public record Version(
      int version,
      String name,
      String description,
      String expression,
      List<String> factsRead,
      boolean active,
      Instant createdAt,
      String createdBy) {}
}
