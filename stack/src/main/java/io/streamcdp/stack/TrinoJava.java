package io.streamcdp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDK Trino runs on: Trino 476 needs Java 24 or newer, while the Flink side runs on 17.
 * Taken from {@code TRINO_JAVA_HOME} if set, otherwise the newest suitable JDK installed under
 * {@code /usr/lib/jvm} (where Debian and Temurin's packages put them).
 */
public final class TrinoJava {

    static final int MINIMUM_VERSION = 24;
    private static final Path JVM_DIRECTORY = Path.of("/usr/lib/jvm");

    private TrinoJava() {}

    /** The {@code java} executable of a JDK that can run Trino, or a clear error. */
    public static Path executable() {
        String configured = System.getenv("TRINO_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (version(home).orElse(0) < MINIMUM_VERSION) {
                throw new IllegalStateException("TRINO_JAVA_HOME=" + configured + " is not a JDK " + MINIMUM_VERSION
                        + " or newer, which Trino 476 needs");
            }
            return home.resolve("bin/java");
        }
        try (Stream<Path> homes = Files.isDirectory(JVM_DIRECTORY) ? Files.list(JVM_DIRECTORY) : Stream.empty()) {
            return homes.filter(home -> version(home).orElse(0) >= MINIMUM_VERSION)
                    .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .max(Comparator.comparingInt(home -> version(home).orElse(0)))
                    .map(home -> home.resolve("bin/java"))
                    .orElseThrow(() -> new IllegalStateException("Trino 476 needs a JDK " + MINIMUM_VERSION
                            + " or newer and none is installed under " + JVM_DIRECTORY + ". Install one (e.g. the "
                            + "Temurin 25 JDK: apt-get install temurin-25-jdk) or set TRINO_JAVA_HOME to its home."));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + JVM_DIRECTORY, e);
        }
    }

    /** The feature version a JDK's {@code release} file declares, e.g. 25. */
    static Optional<Integer> version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(release)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
        try {
            return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
