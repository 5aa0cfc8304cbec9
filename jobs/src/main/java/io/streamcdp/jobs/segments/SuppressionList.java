package io.streamcdp.jobs.segments;

import io.streamcdp.jobs.RowTypes;
import java.util.List;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;

/**
 * The current members of one segment as the changelog view {@code suppression_list_changes},
 * keyed by user: an insert when a user enters, a delete when they exit. The JDBC sink turns it
 * into upserts and deletes of {@code suppression_list} rows.
 */
final class SuppressionList {

    static final String VIEW = "suppression_list_changes";
    private static final DataType MEMBER = DataTypes.ROW(
            DataTypes.FIELD("user_id", DataTypes.STRING().notNull()),
            DataTypes.FIELD("suppressed_since", DataTypes.TIMESTAMP_LTZ(3).notNull()),
            DataTypes.FIELD("window_start", DataTypes.TIMESTAMP(3).notNull()),
            DataTypes.FIELD("window_end", DataTypes.TIMESTAMP(3).notNull()));

    private SuppressionList() {}

    static void register(StreamTableEnvironment tableEnv, DataStream<Row> membershipChanges, String segment) {
        List<String> changeFields = DataType.getFieldNames(SegmentMembership.CHANGE_TYPE);
        int segmentField = changeFields.indexOf("segment");
        int changeType = changeFields.indexOf("change_type");
        int[] memberFields = {changeFields.indexOf("user_id"), changeFields.indexOf("entered_at"),
                changeFields.indexOf("window_start"), changeFields.indexOf("window_end")};
        DataStream<Row> members = membershipChanges
                .filter(change -> segment.equals(change.getField(segmentField)))
                .map(change -> {
                    Row member = Row.project(change, memberFields);
                    member.setKind(SegmentMembership.ENTERED.equals(change.getField(changeType))
                            ? RowKind.INSERT : RowKind.DELETE);
                    return member;
                })
                .returns(ExternalTypeInfo.of(MEMBER))
                .name(segment + " members");
        tableEnv.createTemporaryView(VIEW, tableEnv.fromChangelogStream(members, RowTypes.schema(MEMBER, "user_id"),
                ChangelogMode.newBuilder().addContainedKind(RowKind.INSERT).addContainedKind(RowKind.DELETE).build()));
    }
}
