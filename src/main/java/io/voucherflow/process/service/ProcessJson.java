package io.voucherflow.process.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Stored definitions to and from their JSON column. */
@ApplicationScoped
public class ProcessJson {

  private final ObjectMapper json;

  @Inject
  public ProcessJson(ObjectMapper json) {
    this.json = json;
  }

  public ProcessDefinition definitionOf(ProcessVersion row) {
    try {
      return json.readValue(row.definition, ProcessDefinition.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Stored process " + row.code + "/" + row.version + " is unreadable", e);
    }
  }

  public String toJson(ProcessDefinition d) {
    try {
      return json.writeValueAsString(d);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A validated process must serialise", e);
    }
  }

  /** The row, or the 404 problem naming what was asked for. */
  static ProcessVersion require(ProcessVersion row, String what) {
    if (row == null) {
      throw new NotFoundException("process.not-found", "No process " + what);
    }
    return row;
  }
}
