package io.streamcdp.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;

/**
 * Flink 1.20 as its binary distribution would run it, but from Maven artifacts: the classpath
 * resolved by the {@code stack/flink-dist} module and the JVM options of the configuration.
 */
final class FlinkDistribution {

    private static final String CLASSPATH_RESOURCE = "streamcdp/flink-dist.classpath";

    private FlinkDistribution() {}

    /** The java command of one Flink process, logging to its own file under the log directory. */
    static List<String> command(Configuration flinkConf, Path confDir, Path logFile, List<String> jvmOptions,
            String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(splitOptions(flinkConf.get(CoreOptions.FLINK_JVM_OPTIONS)));
        command.add("-Dlog.file=" + logFile);
        command.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri());
        command.add("-classpath");
        command.add(classpath());
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Flink's jars, then this project's additions to them (the loopback metrics reporter). */
    static String classpath() {
        ClassLoader loader = FlinkDistribution.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the stack/flink-dist module");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return jars + ":" + ownLocation(loader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + CLASSPATH_RESOURCE, e);
        }
    }

    /** The jar (or classes directory) the classpath resource came from. */
    private static String ownLocation(ClassLoader loader) {
        try {
            String url = loader.getResource(CLASSPATH_RESOURCE).toURI().toString();
            String root = url.startsWith("jar:")
                    ? url.substring("jar:".length(), url.indexOf("!/"))
                    : url.substring(0, url.length() - CLASSPATH_RESOURCE.length());
            return Path.of(new java.net.URI(root)).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + CLASSPATH_RESOURCE, e);
        }
    }

    private static List<String> splitOptions(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }
}
