package io.streamcdp.tools.queries;

import picocli.CommandLine;

/** Serving query names on command lines, as in sql/serving/: top_categories, recommendations. */
public final class ServingQueryName implements CommandLine.ITypeConverter<ServingQuery>, Iterable<String> {
    @Override
    public ServingQuery convert(String name) {
        for (ServingQuery candidate : ServingQuery.values()) {
            if (candidate.fileName().equals(name)) {
                return candidate;
            }
        }
        throw new CommandLine.TypeConversionException("no serving query " + name + "; one of " + this);
    }

    @Override
    public java.util.Iterator<String> iterator() {
        return java.util.Arrays.stream(ServingQuery.values()).map(ServingQuery::fileName).iterator();
    }

    @Override
    public String toString() {
        return String.join(", ", this);
    }
}
