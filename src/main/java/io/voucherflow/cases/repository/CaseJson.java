package io.voucherflow.cases.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherflow.cases.Frame;
import java.util.List;
import java.util.Map;

/** The JSON columns of the case tables (call stacks, facts, task values, outbox payloads). */
final class CaseJson {

  private static final TypeReference<List<Frame>> FRAMES = new TypeReference<>() {};
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final ObjectMapper json;

  CaseJson(ObjectMapper json) {
    this.json = json;
  }

  String write(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Case data must serialise", e);
    }
  }

  List<Frame> frames(String text) {
    return text == null ? List.of() : read(text, FRAMES);
  }

  Map<String, Object> map(String text) {
    return text == null ? null : read(text, MAP);
  }

  private <T> T read(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored case data is unreadable", e);
    }
  }
}
