package dev.coachkit.adapter.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedSqlTest {

  @Test
  void givenRepeatedNamesAndCasts_of_makesEveryNameAPositionAndKeepsTheCasts() {
    NamedSql sql = NamedSql.of("SELECT 1::bigint, CAST(:a AS jsonb) WHERE x = :b AND y >= :a");

    assertThat(sql.sql()).isEqualTo("SELECT 1::bigint, CAST(? AS jsonb) WHERE x = ? AND y >= ?");
  }

  @Test
  void givenAParameterWithoutValue_bind_failsNamingIt() {
    NamedSql sql = NamedSql.of("SELECT :missing, :present");
    NamedSql.Params params = new NamedSql.Params().text("present", "x");

    assertThatThrownBy(() -> params.bind(sql, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(":missing");
  }
}
