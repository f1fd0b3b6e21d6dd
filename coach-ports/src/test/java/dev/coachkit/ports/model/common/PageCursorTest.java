package dev.coachkit.ports.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageCursorTest {

  @Test
  void givenUrlSafeText_construct_accepts() {
    assertThat(PageCursor.of("MjAyNi0wMS0wNQ==").value()).isEqualTo("MjAyNi0wMS0wNQ==");
  }

  @Test
  void givenCharactersThatNeedEscaping_construct_isRejected() {
    assertThatThrownBy(() -> PageCursor.of("a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageCursor.of("a/b?c")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenLimitOutsideOneToHundred_limit_isRejected() {
    assertThatThrownBy(() -> Require.limit(0)).hasMessageContaining("limit");
    assertThatThrownBy(() -> Require.limit(101)).hasMessageContaining("limit");
    assertThat(Require.limit(100)).isEqualTo(100);
  }

  @Test
  void givenListWithNull_list_isRejectedNamingTheField() {
    java.util.List<String> withNull = new java.util.ArrayList<>();
    withNull.add(null);

    assertThatThrownBy(() -> Require.list(withNull, "items")).hasMessageContaining("items");
  }
}
