package io.voucherflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The roles the code guards with are exactly the realm roles the identity provider issues. */
class RolesTest {

  private static final JsonNode REALM = read("src/main/keycloak/voucherflow-realm.json");

  @Test
  void shouldMatchTheRealmRoles() {
    List<String> realmRoles = new ArrayList<>();
    REALM.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asText()));
    assertThat(realmRoles).containsExactlyInAnyOrderElementsOf(Roles.ALL);
  }

  @Test
  void shouldGiveEveryDemoUserOneKnownRoleAndADemoSubject() {
    assertThat(REALM.path("users")).hasSize(15);
    REALM
        .path("users")
        .forEach(
            user -> {
              assertThat(DemoAccountPolicy.isDemoSubject(user.path("id").asText())).isTrue();
              assertThat(user.path("realmRoles")).hasSize(1);
              assertThat(Roles.ALL).contains(user.path("realmRoles").get(0).asText());
            });
  }

  private static JsonNode read(String path) {
    try {
      return new ObjectMapper().readTree(Path.of(path).toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
