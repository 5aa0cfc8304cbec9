package io.streamcdp.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** An expected-rows CSV from the seeds (no quoting): its header names the columns to query. */
record Fixture(List<String> columns, List<List<String>> rows) {

    static Fixture load(String name) {
        Path file = Path.of(System.getProperty("streamcdp.fixtures"), name);
        try {
            List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
            return new Fixture(split(lines.get(0)),
                    lines.subList(1, lines.size()).stream().map(Fixture::split).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read fixture " + file, e);
        }
    }

    /** A query for the fixture's columns. */
    String select(String table, String where) {
        return "SELECT " + String.join(", ", columns) + " FROM " + table + (where.isEmpty() ? "" : " WHERE " + where);
    }

    private static List<String> split(String line) {
        return Arrays.asList(line.split(",", -1));
    }
}
