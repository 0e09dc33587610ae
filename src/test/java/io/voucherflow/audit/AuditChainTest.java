package io.voucherflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  @Test
  void shouldChangeTheHashWhenAnyFieldChanges() {
    AuditEntry entry = entry();
    String original = AuditChain.hashOf(entry);
    entry.details = "{\"postCode\":\"REVIEW\"}";
    assertThat(AuditChain.hashOf(entry)).isNotEqualTo(original);
    entry = entry();
    entry.prevHash = "1".repeat(64);
    assertThat(AuditChain.hashOf(entry)).isNotEqualTo(original);
  }

  @Test
  void shouldNotLetFieldsBleedIntoEachOther() {
    AuditEntry a = entry();
    a.entityType = "staff";
    a.entityId = "keyer1";
    AuditEntry b = entry();
    b.entityType = "staffk";
    b.entityId = "eyer1";
    assertThat(AuditChain.hashOf(a)).isNotEqualTo(AuditChain.hashOf(b));
  }

  @Test
  void shouldHashTheInstantAsPostgresStoresIt() {
    AuditEntry nanos = entry();
    nanos.occurredAt = Instant.parse("2026-11-23T03:00:00.123456789Z");
    AuditEntry micros = entry();
    micros.occurredAt = Instant.parse("2026-11-23T03:00:00.123456Z");
    assertThat(AuditChain.hashOf(nanos)).isEqualTo(AuditChain.hashOf(micros)).hasSize(64);
  }

  private static AuditEntry entry() {
    AuditEntry e = new AuditEntry();
    e.seq = 7;
    e.occurredAt = Instant.parse("2026-11-23T03:00:00Z");
    e.actor = "keyer1";
    e.actorRoles = "keyer";
    e.sourceIp = "10.0.0.8";
    e.action = "duty.signed-in";
    e.entityType = "staff";
    e.entityId = "keyer1";
    e.details = "{\"postCode\":\"KEYING\"}";
    e.prevHash = AuditChain.GENESIS;
    return e;
  }
}
