package dev.tangram.engine.flows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.flowable.variable.service.impl.persistence.entity.VariableInstanceEntityImpl;
import org.junit.jupiter.api.Test;

class StringListTypeTests {

  private final StringListType type = new StringListType();

  @Test
  void aListOfStringsRoundTripsThroughTheTextColumn() {
    VariableInstanceEntityImpl row = new VariableInstanceEntityImpl();
    type.setValue(new ArrayList<>(List.of("bob", "dave", "张三")), row);
    assertThat(row.getTextValue()).isEqualTo("[\"bob\",\"dave\",\"张三\"]");
    assertThat(row.getBytes()).isNull();
    assertThat(type.getValue(row)).isEqualTo(List.of("bob", "dave", "张三"));
  }

  @Test
  void onlyNonEmptyStringListsThatFitTheColumnAreTaken() {
    assertThat(type.isAbleToStore(List.of("bob"))).isTrue();
    assertThat(type.isAbleToStore(List.of())).isFalse();
    assertThat(type.isAbleToStore(List.of("bob", 7))).isFalse();
    assertThat(type.isAbleToStore("bob")).isFalse();
    assertThat(type.isAbleToStore(null)).isFalse();
    assertThat(type.isAbleToStore(Collections.nCopies(400, "user-00001"))).isFalse(); // 4,801 characters: left to Flowable
  }
}
