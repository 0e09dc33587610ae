package io.voucherflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

/** The layering and security rules STYLE.md sets, enforced on the compiled code. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.voucherflow");

  @Test
  void shouldKeepResourcesAwayFromRepositories() {
    noClasses()
        .that()
        .resideInAnyPackage("..rest..", "..websocket..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..repository..")
        .check(CLASSES);
  }

  @Test
  void shouldKeepFeaturesFreeOfCycles() {
    slices().matching("io.voucherflow.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void shouldGuardEveryEndpoint() {
    methods()
        .that()
        .areAnnotatedWith(GET.class)
        .or()
        .areAnnotatedWith(POST.class)
        .or()
        .areAnnotatedWith(PUT.class)
        .or()
        .areAnnotatedWith(PATCH.class)
        .or()
        .areAnnotatedWith(DELETE.class)
        .should()
        .beAnnotatedWith(RolesAllowed.class)
        .orShould()
        .beAnnotatedWith(Authenticated.class)
        .orShould()
        .beDeclaredInClassesThat()
        .areAnnotatedWith(RolesAllowed.class)
        .check(CLASSES);
    noClasses().should().dependOnClassesThat().areAssignableTo(PermitAll.class).check(CLASSES);
  }
}
