package io.streamcdp.it;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.EmbeddedStack;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the embedded stack once for the whole test run, on free ports, and stops it when the
 * run ends (JUnit closes root-store resources last, on failures too).
 */
public final class EmbeddedStackExtension implements BeforeAllCallback {

    private static final String KEY = EmbeddedStack.class.getName();

    private EmbeddedStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(KEY, key -> new ClosableStack(start()), ClosableStack.class).stack;
    }

    public StreamCdpConfig config() {
        return stack.config();
    }

    private static EmbeddedStack start() {
        StreamCdpConfig freePorts = StreamCdpConfig.defaults()
                .with(StreamCdpOptions.POSTGRES_PORT, 0)
                .with(StreamCdpOptions.MYSQL_PORT, 0)
                .with(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:0")
                .with(StreamCdpOptions.WORK_DIR, Path.of("target", "it-work").toAbsolutePath().toString());
        return EmbeddedStack.start(freePorts, message -> System.out.println("[stack] " + message));
    }

    private static final class ClosableStack implements ExtensionContext.Store.CloseableResource {
        final EmbeddedStack stack;

        ClosableStack(EmbeddedStack stack) {
            this.stack = stack;
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
