package io.streamcdp.it;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Kafka clients for tests: a producer of text records and read_committed JSON consumers. */
final class KafkaTestClients {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaTestClients() {}

    static KafkaProducer<String, String> producer(StreamCdpConfig config) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)), new StringSerializer(), new StringSerializer());
    }

    /** A consumer of a topic from its beginning, seeing only committed transactions, as our sinks write. */
    static KafkaConsumer<String, String> consumer(StreamCdpConfig config, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS),
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls into {@code received} until it holds {@code count} records, or fails after the timeout. */
    static void awaitRecords(KafkaConsumer<String, String> consumer, List<JsonNode> received, int count,
            Duration timeout) {
        await("record " + count + " of " + consumer.subscription()).atMost(timeout).pollInSameThread().until(() -> {
            poll(consumer, received, Duration.ofMillis(500));
            return received.size() >= count;
        });
    }

    static void poll(KafkaConsumer<String, String> consumer, List<JsonNode> received, Duration timeout) {
        consumer.poll(timeout).forEach(record -> received.add(parse(record.value())));
    }

    /**
     * Polls an upsert topic into its latest value per key: a record replaces the value of its
     * key, a record without a value (a tombstone) removes the key.
     */
    static void pollLatestByKey(KafkaConsumer<String, String> consumer, Map<String, JsonNode> latest,
            Duration timeout) {
        consumer.poll(timeout).forEach(record -> {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), parse(record.value()));
            }
        });
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Not JSON: " + json, e);
        }
    }
}
