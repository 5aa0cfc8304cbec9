package io.streamcdp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Facts about the machine the embedded stack runs on: the user, free ports, permissions. */
final class Host {

    /** PostgreSQL refuses to run as root; as root, its processes run as this unprivileged user. */
    static final int UNPRIVILEGED_ID = 65534;

    private Host() {}

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The command prefix that drops root privileges; empty for an ordinary user. */
    static List<String> unprivileged() {
        if (!isRoot()) {
            return List.of();
        }
        return List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID, "--clear-groups", "--");
    }

    /** Hands a directory tree to the user that {@link #unprivileged()} runs as. */
    static void handOver(Path dir) {
        if (!isRoot()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setAttribute(path, "unix:uid", UNPRIVILEGED_ID);
                Files.setAttribute(path, "unix:gid", UNPRIVILEGED_ID);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + dir + " to an unprivileged user", e);
        }
    }

    /** The configured port, or a free one on 127.0.0.1 when it is 0. */
    static int portOrFree(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    static Path createRunDirectory() {
        try {
            Path dir = Files.createTempDirectory("streamcdp-stack-");
            // Servers dropped to an unprivileged user must be able to reach their directories.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a run directory", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            java.util.Collections.reverse(all);
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
