package io.streamcdp.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures from Linux's /proc: of a process by pid, and of the machine. */
public final class ProcessMemory {

    private ProcessMemory() {}

    /** The process's resident memory now (VmRSS). */
    public static long residentBytes(long pid) {
        return kilobytes(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:") * 1024;
    }

    /** The high-water mark of the process's resident memory (VmHWM). */
    public static long peakResidentBytes(long pid) {
        return kilobytes(Path.of("/proc", String.valueOf(pid), "status"), "VmHWM:") * 1024;
    }

    /** The machine's physical memory (MemTotal). */
    public static long machineBytes() {
        return kilobytes(Path.of("/proc/meminfo"), "MemTotal:") * 1024;
    }

    private static long kilobytes(Path file, String field) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No " + field + " in " + file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
