package io.streamcdp.jobs;

import io.streamcdp.catalog.SqlScript;
import io.streamcdp.config.StreamCdpConfig;
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
 * A folder of {@code sql/} run as part of one Flink job: its files in name order, the
 * {@code CREATE} statements executed, the {@code INSERT}s added to the job's statement set.
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

    /** Some recipes of a folder whose files belong to different jobs, such as {@code sql/history/}. */
    public static SqlPipeline load(String folder, String... files) {
        List<String> present = listSqlFiles(ROOT + folder);
        for (String file : files) {
            if (!present.contains(file)) {
                throw new IllegalArgumentException("No " + file + " in sql/" + folder + "/: " + present);
            }
        }
        return new SqlPipeline(folder, List.of(files));
    }

    /** Runs every statement: the folder as one part of a job. */
    public void addTo(TableEnvironment tableEnv, StatementSet statements, StreamCdpConfig config) {
        createViews(tableEnv, config);
        addInserts(statements, config);
    }

    /**
     * Executes the folder's {@code CREATE} statements. A job that turns some of those views into
     * streams of its own (to share them with DataStream operators) does so before
     * {@link #addInserts}, which resolve the views by name when they are added.
     */
    public void createViews(TableEnvironment tableEnv, StreamCdpConfig config) {
        statements(config).stream().filter(statement -> !isInsert(statement)).forEach(tableEnv::executeSql);
    }

    /** Adds the folder's {@code INSERT} statements to the job's statement set. */
    public void addInserts(StatementSet statements, StreamCdpConfig config) {
        statements(config).stream().filter(SqlPipeline::isInsert).forEach(statements::addInsertSql);
    }

    private List<String> statements(StreamCdpConfig config) {
        Map<String, String> values = config.asStrings();
        return files.stream()
                .flatMap(file -> SqlScript.fromClasspath(ROOT + folder + "/" + file).statements(values).stream())
                .toList();
    }

    private static boolean isInsert(String statement) {
        return statement.toUpperCase(Locale.ROOT).startsWith("INSERT");
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
