package io.streamcdp.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * Change histories of CDC tables in memory, read by the pipelines in place of the connectors
 * (as the jobs' {@code CdcSources.ChangelogReader}: {@code (tableEnv, table) -> changes.read(env,
 * tableEnv, table)}). A history is a sequence of steps: every change of a step has reached every
 * operator of the job before any change of the next step is read (each source sends one step
 * per completed checkpoint, and a checkpoint completes once all the records before it are
 * processed). Within a step, tables are read side by side.
 */
public final class InMemoryChangelogs {

    /** The commit time the snapshot reports for the rows it reads. */
    public static final Instant SNAPSHOT = Instant.EPOCH;

    private final Map<String, List<List<Row>>> steps = new HashMap<>();
    private int step;

    /** Adds a change to the current step; the last column, the commit time, is appended. */
    public InMemoryChangelogs change(String table, RowKind kind, Instant committedAt, Object... columns) {
        Object[] fields = new Object[columns.length + 1];
        System.arraycopy(columns, 0, fields, 0, columns.length);
        fields[columns.length] = committedAt;
        List<List<Row>> tableSteps = steps.computeIfAbsent(table, name -> new ArrayList<>());
        while (tableSteps.size() <= step) {
            tableSteps.add(new ArrayList<>());
        }
        tableSteps.get(step).add(Row.ofKind(kind, fields));
        return this;
    }

    /** Ends the current step: what follows is read after everything before it is processed. */
    public InMemoryChangelogs step() {
        step++;
        return this;
    }

    /**
     * One table's history as a source of the given environment, with the columns of
     * {@code cdc.<table>} in the table environment's catalog.
     */
    public DataStream<Row> read(StreamExecutionEnvironment env, StreamTableEnvironment tableEnv, String table) {
        TypeInformation<Row> type = ExternalTypeInfo.of(DataTypes.ROW(tableEnv.from("cdc." + table)
                .getResolvedSchema().getColumns().stream()
                .map(column -> DataTypes.FIELD(column.getName(), column.getDataType()))
                .toList()));
        List<List<Row>> tableSteps = new ArrayList<>(steps.getOrDefault(table, List.of()));
        while (tableSteps.size() <= step) {
            tableSteps.add(new ArrayList<>());
        }
        StepSource generator = new StepSource(tableSteps);
        return env.fromSource(new DataGeneratorSource<>(generator, tableSteps.size(),
                                RateLimiterStrategy.perCheckpoint(1), new ListTypeInfo<>(type)),
                        WatermarkStrategy.noWatermarks(), table + " (in memory)")
                .setParallelism(1)
                .<Row>flatMap((changes, out) -> changes.forEach(out::collect))
                .returns(type)
                .setParallelism(1);
    }

    /** The i-th step's changes of one table. */
    private record StepSource(List<List<Row>> steps) implements GeneratorFunction<Long, List<Row>> {
        @Override
        public List<Row> map(Long index) {
            return steps.get(index.intValue());
        }
    }
}
