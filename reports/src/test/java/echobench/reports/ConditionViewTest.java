package echobench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A condition scoped to one view of a multi-view sample, beside the unscoped ones. */
class ConditionViewTest {

  @Test
  void unscopedConditionsKeepTheirLabelsAndScopedOnesNameTheView() {
    Condition all = new Condition("depth-exp", 3);
    assertThat(all.view()).isNull();
    assertThat(all).isEqualTo(new Condition("depth-exp", 3, null));
    assertThat(all.label()).isEqualTo("depth-exp@3");
    Condition a4c = all.onView("A4C");
    assertThat(a4c.label()).isEqualTo("depth-exp@3[A4C]");
    assertThat(a4c).isNotEqualTo(all);
    assertThat(Condition.CLEAN.label()).isEqualTo("clean");
  }

  @Test
  void aScopedConditionAppliesToItsViewOnly() {
    Condition a4c = new Condition("shadow-gauss", 2, "A4C");
    assertThat(a4c.appliesTo("A4C")).isTrue();
    assertThat(a4c.appliesTo("A2C")).isFalse();
    assertThat(new Condition("shadow-gauss", 2).appliesTo("A2C")).isTrue();
    assertThat(Condition.CLEAN.appliesTo("A4C")).isFalse();
  }

  @Test
  void scopedConditionsSortAfterTheUnscopedOneOfTheSameSeverity() {
    List<Condition> conditions = new ArrayList<>(List.of(
        new Condition("depth-exp", 1, "A2C"), new Condition("depth-exp", 1, "A4C"),
        new Condition("depth-exp", 1), Condition.CLEAN, new Condition("depth-exp", 0)));
    Collections.sort(conditions);
    assertThat(conditions).extracting(Condition::label).containsExactly("clean",
        "depth-exp@0", "depth-exp@1", "depth-exp@1[A2C]", "depth-exp@1[A4C]");
  }

  @Test
  void theCleanConditionHasNoView() {
    assertThatThrownBy(() -> new Condition(Condition.NONE, 0, "A4C"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Condition("gain", 1, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
