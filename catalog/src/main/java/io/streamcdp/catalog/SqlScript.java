package io.streamcdp.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file from the classpath, split into statements, with {@code ${option.key}} placeholders
 * filled from the configuration. Placeholders keep endpoints and passwords out of SQL files.
 */
public final class SqlScript {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

    private final String name;
    private final String text;

    private SqlScript(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public static SqlScript fromClasspath(String resource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("SQL file not found on the classpath: " + resource);
            }
            return new SqlScript(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    public static SqlScript of(String name, String text) {
        return new SqlScript(name, text);
    }

    public String name() {
        return name;
    }

    /** The statements with placeholders replaced; values are escaped for SQL string literals. */
    public List<String> statements(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + " refers to an unknown option ${" + key + "}");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value.replace("'", "''")));
        }
        matcher.appendTail(rendered);
        return split(rendered.toString());
    }

    /** Splits on semicolons outside quotes, without the {@code --} comments. */
    static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                // Comments are dropped: a statement is recognised by its first keyword.
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (c == '\'' || c == '`' || c == '"') {
                int end = closingQuote(sql, i, c);
                current.append(sql, i, end + 1);
                hasCode = true;
                i = end + 1;
            } else if (c == ';') {
                if (hasCode) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                hasCode = false;
                i++;
            } else {
                current.append(c);
                hasCode |= !Character.isWhitespace(c);
                i++;
            }
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int closingQuote(String sql, int open, char quote) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                boolean doubled = i + 1 < sql.length() && sql.charAt(i + 1) == quote;
                if (!doubled) {
                    return i;
                }
                i++;
            }
            i++;
        }
        throw new IllegalArgumentException("Unterminated quote " + quote + " in SQL starting at offset " + open);
    }
}
