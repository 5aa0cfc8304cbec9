package io.streamcdp.jobs.customer360;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.RowTypes;
import io.streamcdp.jobs.SharedViews;
import io.streamcdp.jobs.SqlPipeline;
import io.streamcdp.jobs.StreamCdpJob;
import io.streamcdp.jobs.cdc.CdcSources;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamStatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;

/**
 * Customer 360 as one Flink job: the four CDC sources, the layered summaries and the unified
 * profile in Paimon ({@code sql/customer360/}), the change history in Iceberg
 * ({@code sql/history/}) and churn alerts to Kafka. Keeping them in one job keeps the path from
 * a source commit to {@code customer_360} at one checkpoint.
 */
public final class Customer360Job extends StreamCdpJob {

    public static final String NAME = "streamcdp-customer360";
    /** The CDC source tables, each read once. */
    public static final List<String> SOURCES = List.of("customers", "orders", "support_tickets", "web_activity");

    /** The sources and sinks are the catalog's tables; the configuration says where they are. */
    public Customer360Job(StreamExecutionEnvironment env, StreamCdpConfig config) {
        super(env, config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected void build() {
        StreamTableEnvironment tableEnv = JobEnvironment.streamingInMiniBatches(env, config);
        CdcSources.register(tableEnv, SOURCES, CdcSources.CDC_CONNECTORS);
        StreamStatementSet statements = tableEnv.createStatementSet();
        addServingTables(tableEnv, statements, config);
        SqlPipeline.load("history", "cdc_change_history.sql").addTo(tableEnv, statements, config);
        statements.add(churnAlerts(tableEnv).insertInto("kafka.churn_alerts"));
        statements.attachAsDataStream();
    }

    /**
     * Adds the recipes of {@code sql/customer360/}, from the source views of
     * {@link CdcSources} to the Paimon serving tables, to a job's statements.
     */
    public static void addServingTables(StreamTableEnvironment tableEnv, StatementSet statements,
            StreamCdpConfig config) {
        SqlPipeline customer360 = SqlPipeline.load("customer360");
        customer360.createViews(tableEnv, config);
        // The profile's outer joins must see every UPDATE_BEFORE. Written straight into upsert
        // tables, they get their inputs as upserts, and Flink (1.20 to 2.2) then loses changes:
        // the outer join counts a summary that replaces the previous one as a second match, so a
        // customer whose summary is deleted is deleted too, and a mini-batch folds a customer's
        // update and deletion into nothing, so a deleted customer stays (FLINK-40681). Read as a
        // full changelog, the profile is computed with every UPDATE_BEFORE (docs/correctness.md).
        SharedViews.materializeChangelog(tableEnv, "customer_360", "customer_id");
        // An orphan's rows come from the joins' instances of its old and its new customer.
        SharedViews.materializeByKey(tableEnv, "customer_orphans", "source_table", "source_id");
        customer360.addInserts(statements, config);
    }

    private static Table churnAlerts(StreamTableEnvironment tableEnv) {
        Table candidates = tableEnv.from("churn_alert_candidates");
        List<Column> columns = candidates.getResolvedSchema().getColumns();
        List<DataTypes.Field> fields = new ArrayList<>(RowTypes.fields(columns.subList(0, columns.size() - 1)));
        fields.add(DataTypes.FIELD("entered_at", DataTypes.TIMESTAMP_LTZ(3)));

        DataStream<Row> alerts = tableEnv.toChangelogStream(candidates)
                .keyBy(row -> (Integer) row.getField("customer_id"), Types.INT)
                .process(new ConditionEntryFunction())
                .returns(ExternalTypeInfo.of(DataTypes.ROW(fields)))
                .name("churn alert entries")
                .uid("churn-alert-entries");
        return tableEnv.fromDataStream(alerts);
    }
}
