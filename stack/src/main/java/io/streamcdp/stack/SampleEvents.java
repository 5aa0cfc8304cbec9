package io.streamcdp.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sample records for the event topics, one JSON document (or a deliberately bad record) per line. */
public final class SampleEvents {

    private SampleEvents() {}

    /**
     * Behavioural events for the audience segments demo: in time order, with an anonymous
     * visitor (a7), a malformed, an incomplete and an unknown-type record; then an event three
     * weeks later that lets every window pass, and last, one event three weeks late.
     */
    public static List<String> userEvents() {
        return lines("events/user_events-sample.jsonl");
    }

    /**
     * Content interactions for the personalization demo: two users browsing tech and food on a
     * Monday morning, with one implausible dwell time.
     */
    public static List<String> contentInteractions() {
        return lines("events/content_interactions-sample.jsonl");
    }

    /** A burst of food shares and saves by p1, minutes after {@link #contentInteractions()}. */
    public static List<String> contentInteractionsBurst() {
        return lines("events/content_interactions-burst.jsonl");
    }

    private static List<String> lines(String resource) {
        try (InputStream in = SampleEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing sample resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
