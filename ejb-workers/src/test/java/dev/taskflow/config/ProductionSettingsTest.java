package dev.taskflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionSettingsTest {

  @Test
  void outsideProductionAnythingGoes() {
    assertThat(ProductionSettings.problem(null, null)).isEmpty();
    assertThat(ProductionSettings.problem("dev", "taskflow")).isEmpty();
    assertThat(ProductionSettings.problem("", "taskflow")).isEmpty();
  }

  @Test
  void productionRefusesAMissingDefaultOrPlaceholderPassword() {
    assertThat(ProductionSettings.problem("production", null)).hasValueSatisfying(m -> assertThat(m).contains("DB_PASSWORD"));
    assertThat(ProductionSettings.problem("production", " ")).isPresent();
    assertThat(ProductionSettings.problem("production", "taskflow")).isPresent();
    assertThat(ProductionSettings.problem(" Production ", "TaskFlow")).isPresent();
    assertThat(ProductionSettings.problem("production", "CHANGE-ME-placeholder-not-a-secret")).isPresent();
    assertThat(ProductionSettings.problem("production", "short1")).hasValueSatisfying(m -> assertThat(m).contains("12"));
  }

  @Test
  void productionAcceptsARealPassword() {
    assertThat(ProductionSettings.problem("production", "f7Qv9sLx2mWp4Rz")).isEmpty();
  }

  @Test
  void theMessageNeverContainsThePassword() {
    assertThat(ProductionSettings.problem("production", "short1")).hasValueSatisfying(m -> assertThat(m).doesNotContain("short1"));
  }
}
