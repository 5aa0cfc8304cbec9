package io.streamcdp.demo;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes the demo's records to one topic, each acknowledged before the next, as an app would. */
final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;

    TopicWriter(StreamCdpConfig config, String topic) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)), new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    String topic() {
        return topic;
    }

    void send(String record) throws Exception {
        producer.send(new ProducerRecord<>(topic, record)).get();
    }

    void sendAll(List<String> records) throws Exception {
        for (String record : records) {
            send(record);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
