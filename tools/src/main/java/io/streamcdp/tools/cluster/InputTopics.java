package io.streamcdp.tools.cluster;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka topics the pipelines read, created before the pipelines are submitted: a Kafka
 * source fails (and its job restarts until it gives up) while its topic does not exist.
 */
public final class InputTopics {

    private InputTopics() {}

    /** Creates each missing input topic with the given number of partitions; returns the ones created. */
    public static List<String> create(StreamCdpConfig config, int partitions) throws Exception {
        List<String> topics = List.of(
                config.get(StreamCdpOptions.KAFKA_USER_EVENTS_TOPIC),
                config.get(StreamCdpOptions.KAFKA_CONTENT_INTERACTIONS_TOPIC),
                config.get(StreamCdpOptions.KAFKA_METRIC_EVENTS_TOPIC));
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS)))) {
            Set<String> existing = admin.listTopics().names().get(1, TimeUnit.MINUTES);
            List<String> missing = topics.stream().filter(topic -> !existing.contains(topic)).toList();
            admin.createTopics(missing.stream().map(topic -> new NewTopic(topic, partitions, (short) 1)).toList())
                    .all().get(1, TimeUnit.MINUTES);
            return missing;
        }
    }
}
