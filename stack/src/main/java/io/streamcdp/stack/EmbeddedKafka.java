package io.streamcdp.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1.
 * It runs in its own JVM because its clients library conflicts with the Flink connector's.
 */
final class EmbeddedKafka implements AutoCloseable {

    private final int port;
    private final ServerProcess server;

    private EmbeddedKafka(int port, ServerProcess server) {
        this.port = port;
        this.server = server;
    }

    /** Starts the broker without waiting for it; call {@link #awaitReady()} before use. */
    static EmbeddedKafka launch(Path runDir, Path logDir, int port, int controllerPort) {
        Path dir = runDir.resolve("kafka");
        Path properties = dir.resolve("server.properties");
        Path log4j = dir.resolve("log4j.properties");
        Path log = logDir.resolve("kafka.log");
        try {
            Files.createDirectories(dir);
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"),
                    "num.partitions=1",
                    "auto.create.topics.enable=true",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    ""));
            Files.writeString(log4j, String.join("\n",
                    "log4j.rootLogger=INFO, stdout",
                    "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                    "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                    "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
                    "log4j.logger.kafka=INFO",
                    "log4j.logger.org.apache.kafka=WARN",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = brokerClasspath();
        ServerProcess.run("Kafka storage format", List.of(java, "-cp", classpath,
                        "-Dlog4j.configuration=file:" + log4j,
                        // "=" form: a random id may start with "-", which would read as an option.
                        "kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId(), "--config=" + properties),
                Map.of(), log, Duration.ofMinutes(1));
        ServerProcess server = ServerProcess.start("Kafka", List.of(java, "-Xms256m", "-Xmx512m",
                "-Dlog4j.configuration=file:" + log4j, "-cp", classpath,
                "kafka.Kafka", properties.toString()), Map.of(), log);
        return new EmbeddedKafka(port, server);
    }

    void awaitReady() {
        server.awaitLogLine("Kafka Server started", Duration.ofSeconds(90));
        server.awaitPort(port, Duration.ofSeconds(10));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static String brokerClasspath() {
        try (InputStream in = EmbeddedKafka.class.getClassLoader()
                .getResourceAsStream("streamcdp/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("streamcdp/kafka-broker.classpath is missing: build stack/kafka-broker");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A random KRaft cluster id: 16 bytes, URL-safe base64 without padding. */
    private static String clusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(30));
    }
}
