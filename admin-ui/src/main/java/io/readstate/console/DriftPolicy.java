package io.readstate.console;

/**
 * Judges a {@link Lookup}: the stores agree when every field both keep is equal; a
 * difference is pending while the channel still has changes to flush, and drift otherwise.
 * Nothing can be said when either store could not be asked.
 */
public final class DriftPolicy {

    private DriftPolicy() {
    }

    public static Verdict verdictOn(Lookup lookup) {
        if (!lookup.redis().answered() || !lookup.postgres().answered()) {
            return Verdict.UNKNOWN;
        }
        boolean differ = LookupComparison.fieldsOf(lookup).stream().anyMatch(ComparedField::differs);
        if (!differ) {
            return Verdict.AGREE;
        }
        return lookup.pendingFlush() ? Verdict.PENDING : Verdict.DRIFTED;
    }
}
