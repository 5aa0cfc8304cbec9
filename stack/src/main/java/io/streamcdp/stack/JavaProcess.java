package io.streamcdp.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A main class of this build run as a child JVM with this JVM's classpath, its output in a log
 * file: a server beside the one under test, or a load generator that must not share its heap.
 */
public final class JavaProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ServerProcess process;
    /** A child outlives a JVM stopped by a signal unless something stops it: this does. */
    private final Thread stopOnExit;

    private JavaProcess(ServerProcess process) {
        this.process = process;
        this.stopOnExit = new Thread(() -> process.stop(Duration.ofSeconds(5)), "stop " + process.name());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    public static JavaProcess start(String name, List<String> jvmOptions, String mainClass, List<String> arguments,
            Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(arguments);
        return new JavaProcess(ServerProcess.start(name, command, environment, log));
    }

    /** Waits for a condition, failing early with the log's last lines if the process exits. */
    public void await(Callable<Boolean> condition, Duration timeout, String what) {
        process.awaitCondition(condition, timeout, what);
    }

    /** Waits for the process to end by itself; fails unless it exits with 0. */
    public void awaitSuccess(Duration timeout) {
        process.awaitSuccess(timeout);
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook stops it.
        }
        process.stop(STOP_GRACE);
    }
}
