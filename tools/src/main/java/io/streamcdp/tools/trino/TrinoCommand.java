package io.streamcdp.tools.trino;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.EmbeddedTrino;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code make trino}: Trino on 127.0.0.1 over the Iceberg history named by the configuration
 * (e.g. {@code STREAMCDP_CONFIG=work/streamcdp.properties} of a running {@code make demo-explore}),
 * until Ctrl-C.
 */
@Command(name = "streamcdp-trino", mixinStandardHelpOptions = true,
        description = "Runs Trino over the Iceberg history until Ctrl-C.")
public final class TrinoCommand implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(new CommandLine(new TrinoCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        StreamCdpConfig config = StreamCdpConfig.fromEnvironment();
        long started = System.nanoTime();
        EmbeddedTrino trino = EmbeddedTrino.start(config, config.path(StreamCdpOptions.WORK_DIR).resolve("logs"));
        Runtime.getRuntime().addShutdownHook(new Thread(trino::close, "stop Trino"));
        System.out.printf("Trino answers queries after %.1f s on 127.0.0.1:%d (catalog iceberg, schema history)%n",
                (System.nanoTime() - started) / 1e9, trino.port());
        System.out.println("JDBC URL: " + trino.jdbcUrl() + "   CLI: make trino-cli TRINO_PORT=" + trino.port());
        System.out.println("press Ctrl-C to stop");
        new CountDownLatch(1).await();
        return 0;
    }
}
