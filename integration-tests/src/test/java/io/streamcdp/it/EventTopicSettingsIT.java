package io.streamcdp.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.events.EventRules;
import io.streamcdp.jobs.events.KafkaEventSource;
import io.streamcdp.jobs.events.KafkaEventSource.EventStreams;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event sources read a topic as its catalog table says: the table's properties.* options
 * reach the Kafka consumer. Shown with the one that decides what an event is: by default only
 * committed records are read, and a table set to read_uncommitted also reads an aborted one.
 */
class EventTopicSettingsIT extends StreamCdpTestBase {

    private String topic;

    @BeforeEach
    void writeCommittedAndAbortedEvents() throws Exception {
        topic = config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC);
        createUserEventsTopic(1);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "event-topic-settings-" + topic),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            inTransaction(producer, "before");
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, event("aborted"))).get();
            producer.abortTransaction();
            inTransaction(producer, "after");
        }
    }

    @Test
    void onlyCommittedRecordsAreEventsByDefault() throws Exception {
        assertThat(usersRead(2, null)).containsExactly("before", "after");
    }

    @Test
    void theTablesConsumerPropertiesReachTheSource() throws Exception {
        assertThat(usersRead(3, "read_uncommitted")).containsExactly("before", "aborted", "after");
    }

    /** The users of the first {@code count} events the source reads, with the table's isolation level changed if given. */
    private List<String> usersRead(int count, String isolationLevel) throws Exception {
        StreamExecutionEnvironment env = environment(new Configuration());
        env.setParallelism(1);
        StreamTableEnvironment tableEnv = JobEnvironment.streamingInMiniBatches(env, config, List.of("topics.sql"));
        if (isolationLevel != null) {
            tableEnv.executeSql("ALTER TABLE kafka.user_events SET ('properties.isolation.level' = '"
                    + isolationLevel + "')");
        }
        EventStreams events = KafkaEventSource.register(env, tableEnv, config, "user_events", EventRules.none(),
                "event-topic-settings-" + count);
        int user = events.field("user_id");
        return events.events().map(row -> (String) row.getField(user)).returns(Types.STRING).executeAndCollect(count);
    }

    private void inTransaction(KafkaProducer<String, String> producer, String user) throws Exception {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, event(user))).get();
        producer.commitTransaction();
    }

    private static String event(String user) {
        return TestEvents.userEvent("e-" + user, user, "page_view", null, null, "2024-01-03T18:00:00Z");
    }
}
