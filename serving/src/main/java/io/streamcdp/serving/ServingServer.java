package io.streamcdp.serving;

import io.javalin.Javalin;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;

/** A running profile API: replicas following the serving tables and the HTTP server over them. */
public final class ServingServer implements AutoCloseable {

    private final ServingReplicas replicas;
    private final Javalin app;

    private ServingServer(ServingReplicas replicas, Javalin app) {
        this.replicas = replicas;
        this.app = app;
    }

    /**
     * Starts following the configuration's Paimon warehouse and listening on
     * {@code serving.host}:{@code serving.port}; returns at once, before the replicas have loaded.
     */
    public static ServingServer start(StreamCdpConfig config, ApiToken token) {
        ServingReplicas replicas = ServingReplicas.start(config);
        try {
            Javalin app = ServingApi.create(replicas, token)
                    .start(config.get(StreamCdpOptions.SERVING_HOST), config.get(StreamCdpOptions.SERVING_PORT));
            return new ServingServer(replicas, app);
        } catch (RuntimeException e) {
            closeQuietly(replicas, e);
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public ServingReplicas replicas() {
        return replicas;
    }

    @Override
    public void close() throws Exception {
        app.stop();
        replicas.close();
    }

    private static void closeQuietly(AutoCloseable resource, Exception cause) {
        try {
            resource.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
