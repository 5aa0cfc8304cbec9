package io.streamcdp.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndDropsComments() {
        String sql = "-- header; not a statement\n"
                + "CREATE VIEW v AS SELECT 'a;b' AS `x;y` FROM t; -- trailing\n"
                + "INSERT INTO s SELECT 'it''s' FROM v;\n"
                + "-- only a comment;\n";
        assertThat(SqlScript.of("test", sql).statements(Map.of())).containsExactly(
                "CREATE VIEW v AS SELECT 'a;b' AS `x;y` FROM t",
                "INSERT INTO s SELECT 'it''s' FROM v");
    }

    @Test
    void fillsPlaceholdersAsEscapedLiterals() {
        SqlScript script = SqlScript.of("test", "CREATE TABLE t WITH ('password' = '${postgres.password}');");
        assertThat(script.statements(Map.of("postgres.password", "o'brien")))
                .containsExactly("CREATE TABLE t WITH ('password' = 'o''brien')");
    }

    @Test
    void namesAnUnknownPlaceholder() {
        SqlScript script = SqlScript.of("sources.sql", "SELECT '${no.such-option}';");
        assertThatThrownBy(() -> script.statements(Map.of()))
                .hasMessageContaining("sources.sql").hasMessageContaining("${no.such-option}");
    }
}
