package io.streamcdp.it;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import io.streamcdp.stack.EmbeddedStack;

/** A JVM that starts the embedded stack and waits to be killed: what Ctrl-C on the demo does. */
public final class StackUntilKilled {

    public static void main(String[] args) throws Exception {
        StreamCdpConfig config = StreamCdpConfig.defaults()
                .with(StreamCdpOptions.POSTGRES_PORT, 0)
                .with(StreamCdpOptions.MYSQL_PORT, 0)
                .with(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:0")
                .with(StreamCdpOptions.WORK_DIR, args[0]);
        EmbeddedStack stack = EmbeddedStack.start(config, message -> { });
        StreamCdpConfig running = stack.config();
        String kafka = running.get(StreamCdpOptions.KAFKA_BOOTSTRAP_SERVERS);
        System.out.println("READY " + running.get(StreamCdpOptions.POSTGRES_PORT) + " "
                + running.get(StreamCdpOptions.MYSQL_PORT) + " " + kafka.substring(kafka.lastIndexOf(':') + 1));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
