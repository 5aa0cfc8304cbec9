package io.streamcdp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** A server started as a child process, its output in a log file. */
final class ServerProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            return new ServerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name + ": " + command, e);
        }
    }

    /** Runs a command to completion, failing with its output if it does not exit with 0. */
    static void run(String name, List<String> command, Map<String, String> environment, Path log, Duration timeout) {
        start(name, command, environment, log).awaitSuccess(timeout);
    }

    /** Waits for the process to end by itself, failing with its output unless it exits with 0. */
    void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failure("did not finish within " + timeout);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failure("was interrupted");
        }
        if (process.exitValue() != 0) {
            throw failure("exited with " + process.exitValue());
        }
    }

    void awaitPort(int port, Duration timeout) {
        awaitCondition(() -> isListening(port), timeout, "to listen on 127.0.0.1:" + port);
    }

    void awaitLogLine(String text, Duration timeout) {
        awaitCondition(() -> Files.readString(log).contains(text), timeout, "to log '" + text + "'");
    }

    void awaitCondition(java.util.concurrent.Callable<Boolean> condition, Duration timeout, String what) {
        try {
            Awaitility.await(name + " " + what)
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw failure("exited with " + process.exitValue() + " while starting");
                        }
                        return condition.call();
                    });
        } catch (ConditionTimeoutException e) {
            throw failure("did not become ready within " + timeout);
        }
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** The process's resident memory, from /proc (Linux). */
    long residentMemoryBytes() {
        return ProcessMemory.residentBytes(process.pid());
    }

    /** Asks the process to stop with SIGTERM, then kills it if it has not stopped in time. */
    void stop(Duration grace) {
        process.destroy();
        awaitExit(grace);
    }

    /** Waits for a process that was asked to stop by other means, killing it after the grace. */
    void awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(name + " " + what + ". Last lines of " + log + ":\n" + tail(log, 25));
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
