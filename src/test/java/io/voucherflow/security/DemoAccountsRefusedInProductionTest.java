package io.voucherflow.security;

import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the production setting, the shipped demo accounts are refused even with valid tokens. */
@QuarkusTest
@TestProfile(DemoAccountsRefusedInProductionTest.ProductionAccounts.class)
class DemoAccountsRefusedInProductionTest {

  @Test
  void shouldRefuseTheDemoAdminOutsideTheDemoProfile() {
    as("admin")
        .get("/api/org-units")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("security.demo-account-refused"));
  }

  /** The production value of the setting; everything else as in the test profile. */
  public static class ProductionAccounts implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("vf.security.demo-accounts-allowed", "false");
    }
  }
}
