package io.streamcdp.jobs.segments;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

class CategoryViewsTest {

    // (event_type, category, value)
    private final CategoryViews views = new CategoryViews(0, 1, 2);

    @Test
    void countsProductViewsPerCategoryAndIgnoresOtherEvents() {
        HashMap<String, CategoryViews.Views> session = views.createAccumulator();
        views.add(Row.of("product_view", "books", new BigDecimal("5.00")), session);
        views.add(Row.of("page_view", null, null), session);
        views.add(Row.of("add_to_cart", "books", new BigDecimal("99.00")), session);
        views.add(Row.of("product_view", "books", null), session);
        views.add(Row.of("product_view", "electronics", new BigDecimal("20.00")), session);

        assertThat(views.getResult(session)).hasSize(2);
        assertThat(session.get("books").count).isEqualTo(2);
        assertThat(session.get("books").value).isEqualByComparingTo("5.00");
        assertThat(session.get("electronics").count).isEqualTo(1);
    }

    @Test
    void mergingSessionsAddsTheirCounts() {
        HashMap<String, CategoryViews.Views> early = views.createAccumulator();
        views.add(Row.of("product_view", "books", new BigDecimal("5.00")), early);
        HashMap<String, CategoryViews.Views> late = views.createAccumulator();
        views.add(Row.of("product_view", "books", new BigDecimal("7.50")), late);
        views.add(Row.of("product_view", "toys", null), late);

        HashMap<String, CategoryViews.Views> merged = views.merge(early, late);
        assertThat(merged.get("books").count).isEqualTo(2);
        assertThat(merged.get("books").value).isEqualByComparingTo("12.50");
        assertThat(merged.get("toys").count).isEqualTo(1);
        assertThat(merged.get("toys").value).isNull();
    }
}
