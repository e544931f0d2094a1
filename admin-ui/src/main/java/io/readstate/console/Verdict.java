package io.readstate.console;

/** What a {@link Lookup} says about the two stores. */
public enum Verdict {
    /** Redis and PostgreSQL hold the same values. */
    AGREE,
    /** They differ, but the channel has changes not yet flushed: PostgreSQL will catch up. */
    PENDING,
    /** They differ with nothing pending: PostgreSQL will not catch up by itself. */
    DRIFTED,
    /** A store could not be asked, so the two cannot be compared. */
    UNKNOWN
}
