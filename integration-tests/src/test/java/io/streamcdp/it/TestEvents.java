package io.streamcdp.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The JSON events the tests produce to Kafka, as applications would send them. */
final class TestEvents {

    private TestEvents() {}

    /** A user_events record; category and value may be null (left out). */
    static String userEvent(String id, String user, String type, String category, String value, String time) {
        return "{\"event_id\":\"" + id + "\",\"user_id\":\"" + user + "\",\"session_id\":\"s-" + user
                + "\",\"event_type\":\"" + type + "\""
                + (category == null ? "" : ",\"category\":\"" + category + "\"")
                + (value == null ? "" : ",\"value\":" + value) + ",\"event_time\":\"" + time + "\"}";
    }

    /** A content_interactions record; dwellSeconds may be null (left out). */
    static String interaction(String id, String user, String content, String category, String type,
            Integer dwellSeconds, String time) {
        return "{\"event_id\":\"" + id + "\",\"user_id\":\"" + user + "\",\"content_id\":\"" + content
                + "\",\"content_type\":\"article\",\"category\":\"" + category + "\",\"interaction_type\":\"" + type + "\""
                + (dwellSeconds == null ? "" : ",\"dwell_seconds\":" + dwellSeconds)
                + ",\"event_time\":\"" + time + "\"}";
    }

    /** Produces one record and waits for the broker's acknowledgement. */
    static void send(KafkaProducer<String, String> producer, String topic, String json) throws Exception {
        producer.send(new ProducerRecord<>(topic, json)).get();
    }
}
