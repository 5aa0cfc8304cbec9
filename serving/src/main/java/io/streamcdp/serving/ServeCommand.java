package io.streamcdp.serving;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code make serve}: the profile API over the serving tables of the configured warehouse, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve profiles, segments and recommendations from the Paimon serving tables over HTTP.")
public final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() throws Exception {
        StreamCdpConfig config = StreamCdpConfig.fromEnvironment();
        ApiToken token = ApiToken.resolve(config);
        ServingServer server = ServingServer.start(config, token);
        // Ctrl-C or a TERM signal: stop serving before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("Stopping the profile API failed", e);
            }
        }));
        LOG.info("Profile API on http://{}:{} (OpenAPI at /openapi.yaml, health at /health), warehouse {}",
                config.get(StreamCdpOptions.SERVING_HOST), server.port(), config.uri(StreamCdpOptions.PAIMON_WAREHOUSE));
        if (config.get(StreamCdpOptions.SERVING_API_TOKEN).isBlank()) {
            LOG.info("API token: in {}", ApiToken.tokenFile(config));
        }
        new CountDownLatch(1).await();
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServeCommand()).execute(args));
    }
}
