package io.streamcdp.jobs.events;

import static io.streamcdp.jobs.events.InvalidEventException.Error.INVALID_FIELD;
import static io.streamcdp.jobs.events.InvalidEventException.Error.MALFORMED_JSON;
import static io.streamcdp.jobs.events.InvalidEventException.Error.MISSING_FIELD;
import static io.streamcdp.jobs.events.InvalidEventException.Error.UNKNOWN_VALUE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    private static final ObjectMapper JSON = new ObjectMapper();

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
            row.setField(i, field(event.get(names.get(i)), names.get(i), types.get(i)));
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
        BigDecimal value;
        try {
            value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
        } catch (NumberFormatException e) {
            throw invalid(name, node, "a number");
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
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(name, node, "an ISO-8601 instant such as 2026-03-30T10:00:00Z");
        }
    }

    private static InvalidEventException invalid(String name, JsonNode node, String expected) {
        return new InvalidEventException(INVALID_FIELD, name + " " + node + " is not " + expected);
    }
}
