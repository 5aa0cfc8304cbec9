package io.streamcdp.jobs;

import io.streamcdp.catalog.SqlScript;
import io.streamcdp.catalog.StreamCdpConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableEnvironment;

/**
 * A folder of {@code sql/} run as part of one Flink job: its files in name order, each
 * {@code CREATE} statement executed at once, each {@code INSERT} added to the job's statement set.
 */
public final class SqlPipeline {

    private static final String ROOT = "streamcdp/sql/";

    private final String folder;
    private final List<String> files;

    private SqlPipeline(String folder, List<String> files) {
        this.folder = folder;
        this.files = files;
    }

    /** The recipes of {@code sql/<folder>/}, packaged on the classpath. */
    public static SqlPipeline load(String folder) {
        return new SqlPipeline(folder, listSqlFiles(ROOT + folder));
    }

    public void addTo(TableEnvironment tableEnv, StatementSet statements, StreamCdpConfig config) {
        Map<String, String> values = config.asStrings();
        for (String file : files) {
            for (String statement : SqlScript.fromClasspath(ROOT + folder + "/" + file).statements(values)) {
                if (statement.toUpperCase(Locale.ROOT).startsWith("INSERT")) {
                    statements.addInsertSql(statement);
                } else {
                    tableEnv.executeSql(statement);
                }
            }
        }
    }

    private static List<String> listSqlFiles(String resourceFolder) {
        URL url = SqlPipeline.class.getClassLoader().getResource(resourceFolder);
        if (url == null) {
            throw new IllegalArgumentException("No SQL folder " + resourceFolder + " on the classpath");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return sqlFileNames(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return sqlFileNames(jar.getPath(resourceFolder));
            } catch (FileSystemAlreadyExistsException openElsewhere) {
                return sqlFileNames(FileSystems.getFileSystem(uri).getPath(resourceFolder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + resourceFolder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sqlFileNames(Path folder) throws IOException {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }
}
