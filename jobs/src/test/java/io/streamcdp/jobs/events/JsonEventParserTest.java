package io.streamcdp.jobs.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.types.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonEventParserTest {

    /** The shape of the event topics, reduced to one column of each kind. */
    private final JsonEventParser parser = JsonEventParser.forSchema(ResolvedSchema.of(
                    Column.physical("user_id", DataTypes.STRING().notNull()),
                    Column.physical("event_type", DataTypes.STRING().notNull()),
                    Column.physical("category", DataTypes.STRING()),
                    Column.physical("value", DataTypes.DECIMAL(12, 2)),
                    Column.physical("event_time", DataTypes.TIMESTAMP_LTZ(3).notNull()),
                    Column.physical("dwell_seconds", DataTypes.INT())),
            EventRules.none().allow("event_type", Set.of("product_view", "purchase")).range("dwell_seconds", 0, 14_400));

    @Test
    void parsesAValidEventAndIgnoresUnknownFields() throws Exception {
        Row row = parser.parse("{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":120.5,"
                + "\"event_time\":\"2026-03-30T12:30:00Z\",\"campaign\":\"spring\"}");
        assertThat(row).isEqualTo(Row.of("u1", "purchase", null, new BigDecimal("120.50"),
                Instant.parse("2026-03-30T12:30:00Z"), null));
    }

    @Test
    void acceptsOffsetsAndNumbersAsText() throws Exception {
        Row row = parser.parse("{\"user_id\":42,\"event_type\":\"product_view\",\"value\":\"9.99\","
                + "\"event_time\":\"2026-03-30T14:00:00+02:00\",\"dwell_seconds\":14400}");
        assertThat(row).isEqualTo(Row.of("42", "product_view", null, new BigDecimal("9.99"),
                Instant.parse("2026-03-30T12:00:00Z"), 14_400));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                                                                 | MALFORMED_JSON | not JSON",
        "[1, 2]                                                                                   | MALFORMED_JSON | not a JSON object",
        "{\"event_type\":\"purchase\",\"event_time\":\"2026-03-30T12:30:00Z\"}                    | MISSING_FIELD  | required field user_id is missing",
        "{\"user_id\":\"\",\"event_type\":\"purchase\",\"event_time\":\"2026-03-30T12:30:00Z\"}   | MISSING_FIELD  | required field user_id is missing",
        "{\"user_id\":\"u1\",\"event_type\":\"teleport\",\"event_time\":\"2026-03-30T12:30:00Z\"} | UNKNOWN_VALUE  | event_type 'teleport' is not one of [product_view, purchase]",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"event_time\":\"yesterday\"}            | INVALID_FIELD  | event_time \"yesterday\" is not an ISO-8601 instant",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"event_time\":1774873800000}            | INVALID_FIELD  | event_time 1774873800000 is not an ISO-8601 instant",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":\"abc\",\"event_time\":\"2026-03-30T12:30:00Z\"} | INVALID_FIELD | value \"abc\" is not a number",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":1e20,\"event_time\":\"2026-03-30T12:30:00Z\"}    | INVALID_FIELD | does not fit DECIMAL(12, 2)",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"dwell_seconds\":-5,\"event_time\":\"2026-03-30T12:30:00Z\"}    | INVALID_FIELD | dwell_seconds -5 is outside the plausible range [0, 14400]",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"dwell_seconds\":86400,\"event_time\":\"2026-03-30T12:30:00Z\"} | INVALID_FIELD | dwell_seconds 86400 is outside the plausible range [0, 14400]",
        "{\"user_id\":{\"id\":1},\"event_type\":\"purchase\",\"event_time\":\"2026-03-30T12:30:00Z\"} | INVALID_FIELD | user_id {\"id\":1} is not a string",
        // Numbers no column holds: each must be a dead letter, never an exception or a hang.
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":1e999999999,\"event_time\":\"2026-03-30T12:30:00Z\"}  | INVALID_FIELD | value is a number beyond any column's range",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":\"1e999999999\",\"event_time\":\"2026-03-30T12:30:00Z\"} | INVALID_FIELD | does not fit DECIMAL(12, 2)",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":1e-999999999,\"event_time\":\"2026-03-30T12:30:00Z\"} | INVALID_FIELD | more decimal places than any column holds",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":\"NaN\",\"event_time\":\"2026-03-30T12:30:00Z\"}        | INVALID_FIELD | value \"NaN\" is not a number",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":\"Infinity\",\"event_time\":\"2026-03-30T12:30:00Z\"}   | INVALID_FIELD | value \"Infinity\" is not a number",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"value\":NaN,\"event_time\":\"2026-03-30T12:30:00Z\"}            | MALFORMED_JSON | not JSON",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"dwell_seconds\":1e999999999,\"event_time\":\"2026-03-30T12:30:00Z\"} | INVALID_FIELD | is not an integer",
        "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"event_time\":\"+999999999-12-31T23:59:59Z\"} | INVALID_FIELD | is not an ISO-8601 instant"
    })
    void rejectsWithANamedError(String payload, InvalidEventException.Error error, String detail) {
        rejects(payload, error, detail);
    }

    @Test
    void rejectsNumbersOfHundredsOfDigits() {
        String digits = "9".repeat(400);
        rejects(event("\"value\":" + digits), InvalidEventException.Error.INVALID_FIELD, "does not fit DECIMAL(12, 2)");
        rejects(event("\"value\":0." + digits), InvalidEventException.Error.INVALID_FIELD,
                "more decimal places than any column holds");
        rejects(event("\"dwell_seconds\":" + digits), InvalidEventException.Error.INVALID_FIELD, "is not an integer");
    }

    private static String event(String field) {
        return "{\"user_id\":\"u1\",\"event_type\":\"purchase\",\"event_time\":\"2026-03-30T12:30:00Z\"," + field + "}";
    }

    private void rejects(String payload, InvalidEventException.Error error, String detail) {
        assertThatThrownBy(() -> parser.parse(payload))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.error()).isEqualTo(error))
                .hasMessageContaining(detail);
    }
}
