package io.streamcdp.demo;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.jobs.JobEnvironment;
import io.streamcdp.jobs.customer360.Customer360Job;
import io.streamcdp.stack.Database;
import io.streamcdp.stack.EmbeddedStack;
import io.streamcdp.tools.local.InProcessFlinkCluster;
import io.streamcdp.tools.local.LocalWarehouses;
import io.streamcdp.tools.local.ServingTableWatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make demo}: the seed's Customer 360 walkthrough on real servers. Starts the embedded
 * stack, loads the sample rows with plain SQL, runs the Customer 360 job, prints every layer,
 * commits the seed's order 109 and reports how long it took to reach the serving table; then
 * walks through the audience segments ({@link SegmentsWalkthrough}), personalization
 * ({@link PersonalizationWalkthrough}) and the rolling metrics ({@link MetricsWalkthrough}).
 */
@Command(name = "streamcdp-demo", mixinStandardHelpOptions = true,
        description = "Runs Customer 360 on the embedded stack and shows the seed's results.")
public final class Demo implements Callable<Integer> {

    private static final Duration TIMEOUT = DemoConsole.TIMEOUT;
    private static final int PARALLELISM = 2;

    @Option(names = "--flink-conf", defaultValue = "flink-conf",
            description = "Directory with the Flink config.yaml of the in-process cluster (default: ${DEFAULT-VALUE}).")
    private Path flinkConf;

    @Option(names = "--keep-running", description = "Keep the stack and the job running until Ctrl-C, for exploration.")
    private boolean keepRunning;

    private final DemoConsole console = new DemoConsole();

    public static void main(String[] args) {
        System.exit(new CommandLine(new Demo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        StreamCdpConfig requested = StreamCdpConfig.fromEnvironment();
        LocalWarehouses.clear(requested);
        console.say("starting the embedded stack (PostgreSQL, MariaDB, Kafka)");
        try (EmbeddedStack stack = EmbeddedStack.start(requested, console::say);
                InProcessFlinkCluster flink = InProcessFlinkCluster.start(flinkConf, requested)) {
            StreamCdpConfig config = stack.config();
            config.writeTo(config.path(StreamCdpOptions.WORK_DIR).resolve("streamcdp.properties"));
            console.say("Flink cluster up, web UI at " + flink.restAddress());

            Database.loadSeedSamples(config);
            console.say("loaded the seed's sample rows with plain SQL: 3 customers, 8 orders, 4 tickets, 10 web events, 5 content items");

            JobClient job = new Customer360Job(
                    flink.environment(PARALLELISM), config)
                    .start();
            console.say("submitted " + Customer360Job.NAME + " (job " + job.getJobID() + "): CDC snapshot running");
            awaitSnapshot(config);

            TableEnvironment queries = JobEnvironment.batch(flink.environment(1), config);
            console.show(queries, "Layer 1: customer_order_summary", "SELECT customer_id, total_orders, completed_orders, "
                    + "cancelled_orders, total_spent, CAST(avg_order_value AS DECIMAL(10, 2)) AS avg_order_value, "
                    + "last_order_at FROM paimon.serving.customer_order_summary ORDER BY customer_id");
            console.show(queries, "Layer 2: customer_support_summary",
                    "SELECT * FROM paimon.serving.customer_support_summary ORDER BY customer_id");
            console.show(queries, "Layer 3: customer_web_activity",
                    "SELECT * FROM paimon.serving.customer_web_activity ORDER BY customer_id");
            console.show(queries, "Layer 4: customer_360", "SELECT customer_id, full_name, account_tier, total_orders, "
                    + "lifetime_value, CAST(avg_order_value AS DECIMAL(10, 2)) AS avg_order_value, total_tickets, "
                    + "open_tickets, total_web_events, total_sessions, engagement_score "
                    + "FROM paimon.serving.customer_360 ORDER BY customer_id");
            console.show(queries, "customer_churn_risk", "SELECT full_name, account_tier, lifetime_value, open_tickets, "
                    + "high_priority_tickets, engagement_score, churn_risk "
                    + "FROM paimon.serving.customer_churn_risk ORDER BY engagement_score");

            streamOrder109(config);
            console.show(queries, "Bob after order 109", "SELECT full_name, total_orders, lifetime_value, engagement_score "
                    + "FROM paimon.serving.customer_360 WHERE customer_id = 2");
            showChurnAlerts(config);
            new SegmentsWalkthrough(config, flink, queries, console).run();
            new PersonalizationWalkthrough(config, flink, queries, console).run();
            new MetricsWalkthrough(config, flink, queries, console).run();

            if (keepRunning) {
                waitForCtrlC(config, flink);
            }
            console.say("cancelling the jobs and stopping the stack");
            job.cancel().get();
        }
        console.say("done: every server stopped, nothing left running");
        return 0;
    }

    private void awaitSnapshot(StreamCdpConfig config) throws Exception {
        try (ServingTableWatcher profiles = new ServingTableWatcher(config, "serving", "customer_360")) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long shown = -1;
            while (shown < 3) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The snapshot did not reach customer_360 within " + TIMEOUT);
                }
                long count = profiles.count();
                if (count != shown) {
                    shown = count;
                    console.say("snapshot: customer_360 holds " + count + " of 3 customers");
                }
                Thread.sleep(200);
            }
        }
        console.say("snapshot complete; the job now streams changes");
    }

    private void streamOrder109(StreamCdpConfig config) throws Exception {
        try (ServingTableWatcher profiles = new ServingTableWatcher(config, "serving", "customer_360")) {
            int totalOrders = profiles.column("total_orders");
            Database.ORDERS.execute(config,
                    "INSERT INTO orders VALUES (109, 2, 250.00, 'completed', '2026-04-01 10:00:00')");
            Instant committed = Database.ORDERS.commitTime(config, "orders", "order_id", 109);
            console.say("streaming: order 109 for Bob committed in PostgreSQL at " + committed);
            Instant visible = profiles.awaitVisible(2, row -> row.getLong(totalOrders) == 3, TIMEOUT);
            console.say("order 109 visible in paimon.serving.customer_360 after "
                    + Duration.between(committed, visible).toMillis()
                    + " ms (source commit to the Paimon snapshot that shows it)");
        }
    }

    private void showChurnAlerts(StreamCdpConfig config) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "streamcdp-demo");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = config.get(StreamCdpOptions.KAFKA_CHURN_ALERTS_TOPIC);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            int seen = 0;
            // The seed's data puts one customer in the alert condition: Bob.
            while (seen == 0 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (seen++ == 0) {
                        System.out.println("\n== churn alerts on Kafka topic " + topic + " ==");
                    }
                    System.out.println(record.value());
                }
            }
            if (seen == 0) {
                throw new IllegalStateException("No churn alert reached " + topic + " within " + TIMEOUT);
            }
            System.out.println();
        }
    }

    private void waitForCtrlC(StreamCdpConfig config, InProcessFlinkCluster flink) throws InterruptedException {
        Path properties = config.path(StreamCdpOptions.WORK_DIR).resolve("streamcdp.properties");
        console.say("still running. Flink web UI: " + flink.restAddress());
        console.say("PostgreSQL: psql -h 127.0.0.1 -p " + config.get(StreamCdpOptions.POSTGRES_PORT) + " -U "
                + config.get(StreamCdpOptions.POSTGRES_USERNAME) + " ecommerce");
        console.say("configuration of this run: " + properties + " (use it with STREAMCDP_CONFIG=" + properties + ")");
        console.say("press Ctrl-C to stop; everything is cleaned up");
        new CountDownLatch(1).await();
    }
}
