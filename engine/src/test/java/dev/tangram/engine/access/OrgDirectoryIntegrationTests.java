package dev.tangram.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tangram.engine.common.ConflictException;
import dev.tangram.engine.common.FieldError;
import dev.tangram.engine.common.ValidationException;
import dev.tangram.engine.testing.EmbeddedMongo;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrgDirectoryIntegrationTests {

  private EmbeddedMongo mongo;
  private OrgDirectory directory;

  @BeforeEach
  void setUp() {
    mongo = new EmbeddedMongo();
    directory = new OrgDirectory(mongo.database);
    directory.saveRole(new Role("finance", "Finance", null), true);
    directory.saveDepartment(new Department("hq", "Head office", null, List.of()), true);
    directory.saveDepartment(new Department("sales", "Sales", "hq", List.of()), true);
    directory.saveDepartment(new Department("east", "Sales East", "sales", List.of()), true);
    user("ceo", "hq");
    user("vp", "sales");
    user("lead", "east");
    user("rep", "east");
    directory.saveDepartment(new Department("hq", "Head office", null, List.of("ceo")), false);
    directory.saveDepartment(new Department("sales", "Sales", "hq", List.of("vp")), false);
    directory.saveDepartment(new Department("east", "Sales East", "sales", List.of("lead")), false);
  }

  @AfterEach
  void tearDown() {
    mongo.close();
  }

  private void user(String name, String department) {
    directory.saveUser(new DirectoryUser(name, name.toUpperCase(), null, null, List.of(department), List.of(), true), true);
  }

  @Test
  void departmentHeadsAreFoundLevelsUp() {
    assertThat(directory.headsOf("east", 1)).containsExactly("lead");
    assertThat(directory.headsOf("east", 2)).containsExactly("vp");
    assertThat(directory.headsOf("east", 3)).containsExactly("ceo");
    assertThat(directory.headsOf("east", 4)).isEmpty();
    assertThat(directory.ancestorsOf("east")).containsExactly("sales", "hq");
  }

  @Test
  void aDepartmentCannotMoveBelowItself() {
    assertThatThrownBy(() -> directory.saveDepartment(new Department("hq", "Head office", "east", List.of("ceo")), false))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactly(tuple("parent", "cycle")));
    assertThat(directory.findDepartment("hq").orElseThrow().parent()).isNull();
  }

  @Test
  void userWithUnknownReferencesIsRefusedWithEveryProblem() {
    assertThatThrownBy(() -> directory.saveUser(new DirectoryUser("x y", "", "no-at", null, List.of("nowhere"), List.of("pilot"), true), true))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
            .extracting(FieldError::field, FieldError::code).containsExactlyInAnyOrder(
                tuple("username", "pattern"), tuple("displayName", "required"), tuple("email", "format"),
                tuple("departments", "unknownDepartment"), tuple("roles", "unknownRole")));
    assertThat(directory.users()).hasSize(4);
  }

  @Test
  void departmentsWithMembersOrChildrenAndRolesInUseAreNotDeleted() {
    assertThatThrownBy(() -> directory.deleteDepartment("sales")).isInstanceOf(ConflictException.class).hasMessageContaining("sub-departments");
    assertThatThrownBy(() -> directory.deleteDepartment("east")).isInstanceOf(ConflictException.class).hasMessageContaining("members");
    directory.saveUser(new DirectoryUser("rep", "REP", null, null, List.of("east"), List.of("finance"), true), false);
    assertThatThrownBy(() -> directory.deleteRole("finance")).isInstanceOf(ConflictException.class);
    assertThat(directory.usersWithRole("finance")).containsExactly("rep");
  }
}
