package io.streamcdp.jobs.events;

import static io.streamcdp.jobs.events.InvalidEventException.Error.INVALID_FIELD;
import static io.streamcdp.jobs.events.InvalidEventException.Error.MALFORMED_JSON;
import static io.streamcdp.jobs.events.InvalidEventException.Error.MISSING_FIELD;
import static io.streamcdp.jobs.events.InvalidEventException.Error.UNKNOWN_VALUE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.types.Row;

/**
 * Turns one JSON object into a row of a catalog table's schema, or says precisely why it
 * cannot: the table's NOT NULL columns are required, each value must fit its column's type, and
 * some columns only accept known values. Unknown JSON fields are ignored.
 */
public final class JsonEventParser implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Numbers are read exactly (money must not pass through a double). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    /** More decimal places than any SQL DECIMAL holds: such a number is not a measurement. */
    private static final int MAX_DECIMAL_PLACES = 38;

    private final List<String> names;
    private final List<LogicalType> types;
    private final EventRules rules;

    private JsonEventParser(List<String> names, List<LogicalType> types, EventRules rules) {
        this.names = names;
        this.types = types;
        this.rules = rules;
    }

    public static JsonEventParser forSchema(ResolvedSchema schema, EventRules rules) {
        List<Column> columns = schema.getColumns();
        return new JsonEventParser(
                columns.stream().map(Column::getName).toList(),
                columns.stream().map(column -> column.getDataType().getLogicalType()).toList(),
                rules);
    }

    public Row parse(String payload) throws InvalidEventException {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(MALFORMED_JSON, "not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new InvalidEventException(MALFORMED_JSON, "not a JSON object");
        }
        Row row = new Row(names.size());
        for (int i = 0; i < names.size(); i++) {
            JsonNode node = event.get(names.get(i));
            try {
                row.setField(i, field(node, names.get(i), types.get(i)));
            } catch (RuntimeException unforeseen) {
                // Whatever a value does to a conversion, it makes its record a dead letter.
                throw new InvalidEventException(INVALID_FIELD, names.get(i) + " " + node + " cannot be read: " + unforeseen);
            }
        }
        return row;
    }

    private Object field(JsonNode node, String name, LogicalType type) throws InvalidEventException {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isEmpty())) {
            if (!type.isNullable()) {
                throw new InvalidEventException(MISSING_FIELD, "required field " + name + " is missing");
            }
            return null;
        }
        Object value = convert(node, name, type);
        Set<String> allowed = rules.allowedValues(name);
        if (allowed != null && !allowed.contains(String.valueOf(value))) {
            throw new InvalidEventException(UNKNOWN_VALUE,
                    name + " '" + value + "' is not one of " + allowed.stream().sorted().toList());
        }
        long[] range = rules.range(name);
        if (range != null && value instanceof Number number
                && (number.longValue() < range[0] || number.longValue() > range[1])) {
            throw new InvalidEventException(INVALID_FIELD,
                    name + " " + value + " is outside the plausible range [" + range[0] + ", " + range[1] + "]");
        }
        return value;
    }

    private static Object convert(JsonNode node, String name, LogicalType type) throws InvalidEventException {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                if (!node.isValueNode()) {
                    throw invalid(name, node, "a string");
                }
                return node.asText();
            case INTEGER:
                if (!node.canConvertToInt() || !node.isIntegralNumber()) {
                    throw invalid(name, node, "an integer");
                }
                return node.intValue();
            case BIGINT:
                if (!node.canConvertToLong() || !node.isIntegralNumber()) {
                    throw invalid(name, node, "an integer");
                }
                return node.longValue();
            case DECIMAL:
                return decimal(node, name, (DecimalType) type);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return instant(node, name);
            default:
                throw new IllegalArgumentException("Column " + name + " has a type JSON events do not support: " + type);
        }
    }

    private static BigDecimal decimal(JsonNode node, String name, DecimalType type) throws InvalidEventException {
        if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
            // JSON numbers beyond a double's range, such as 1e999999999, arrive as infinity.
            throw new InvalidEventException(INVALID_FIELD, name + " is a number beyond any column's range");
        }
        BigDecimal value;
        try {
            value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw invalid(name, node, "a number");
        }
        // Checked before rounding: rounding 1e999999999 or 1e-999999999 alone would exhaust the JVM.
        if (value.scale() > MAX_DECIMAL_PLACES) {
            throw new InvalidEventException(INVALID_FIELD, name + " " + abbreviated(node)
                    + " has more decimal places than any column holds");
        }
        if (value.signum() != 0 && value.precision() - value.scale() > type.getPrecision() - type.getScale()) {
            throw new InvalidEventException(INVALID_FIELD, name + " " + abbreviated(node) + " does not fit " + type);
        }
        BigDecimal scaled = value.setScale(type.getScale(), RoundingMode.HALF_UP);
        if (scaled.precision() > type.getPrecision()) {
            throw new InvalidEventException(INVALID_FIELD, name + " " + value + " does not fit " + type);
        }
        return scaled;
    }

    private static Instant instant(JsonNode node, String name) throws InvalidEventException {
        if (!node.isTextual()) {
            throw invalid(name, node, "an ISO-8601 instant such as 2026-03-30T10:00:00Z");
        }
        try {
            Instant instant = OffsetDateTime.parse(node.asText()).toInstant();
            // Event time is kept in milliseconds since the epoch: the instant must have one.
            instant.toEpochMilli();
            return instant;
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(name, node, "an ISO-8601 instant such as 2026-03-30T10:00:00Z");
        }
    }

    private static InvalidEventException invalid(String name, JsonNode node, String expected) {
        return new InvalidEventException(INVALID_FIELD, name + " " + abbreviated(node) + " is not " + expected);
    }

    /** A value as the detail of a dead letter shows it: its first 100 characters. */
    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 100 ? text : text.substring(0, 100) + "... (" + text.length() + " characters)";
    }
}
