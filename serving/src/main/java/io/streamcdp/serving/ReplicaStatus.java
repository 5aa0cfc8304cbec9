package io.streamcdp.serving;

/**
 * One table replica's position against the table: the snapshot it has applied, the newest one
 * committed, and for how long the oldest snapshot it has not applied yet has been waiting
 * (0 when it is up to date; null when unknown).
 */
public record ReplicaStatus(
        String table,
        boolean ready,
        Long appliedSnapshot,
        Long latestSnapshot,
        Long snapshotsBehind,
        Long behindMs,
        int keys,
        String problem) {}
