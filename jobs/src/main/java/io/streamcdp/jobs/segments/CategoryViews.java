package io.streamcdp.jobs.segments;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.types.Row;

/**
 * Product views per category within one window: a count and the summed value. Events of other
 * types are part of the window (they keep a session open) but are not counted.
 */
public class CategoryViews implements AggregateFunction<Row, HashMap<String, CategoryViews.Views>, Map<String, CategoryViews.Views>> {

    /** Views of one category. */
    public static class Views {
        public long count;
        public BigDecimal value;

        void add(BigDecimal eventValue) {
            count++;
            if (eventValue != null) {
                value = value == null ? eventValue : value.add(eventValue);
            }
        }

        void addAll(Views other) {
            count += other.count;
            if (other.value != null) {
                value = value == null ? other.value : value.add(other.value);
            }
        }
    }

    private final int eventTypeField;
    private final int categoryField;
    private final int valueField;

    public CategoryViews(int eventTypeField, int categoryField, int valueField) {
        this.eventTypeField = eventTypeField;
        this.categoryField = categoryField;
        this.valueField = valueField;
    }

    @Override
    public HashMap<String, Views> createAccumulator() {
        return new HashMap<>();
    }

    @Override
    public HashMap<String, Views> add(Row event, HashMap<String, Views> views) {
        String category = (String) event.getField(categoryField);
        if ("product_view".equals(event.getField(eventTypeField)) && category != null) {
            views.computeIfAbsent(category, ignored -> new Views()).add((BigDecimal) event.getField(valueField));
        }
        return views;
    }

    @Override
    public Map<String, Views> getResult(HashMap<String, Views> views) {
        return views;
    }

    @Override
    public HashMap<String, Views> merge(HashMap<String, Views> a, HashMap<String, Views> b) {
        b.forEach((category, views) -> a.computeIfAbsent(category, ignored -> new Views()).addAll(views));
        return a;
    }
}
