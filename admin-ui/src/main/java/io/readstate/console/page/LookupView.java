package io.readstate.console.page;

import io.readstate.console.DriftPolicy;
import io.readstate.console.Lookup;
import io.readstate.console.LookupComparison;
import io.readstate.console.Verdict;
import io.readstate.domain.model.UserId;
import java.util.List;

/**
 * A lookup as the page shows it: what was asked, the stores side by side, and the verdict
 * with a sentence saying what it means; or, when the lookup could not be made, why.
 */
public record LookupView(String channel, String user, Verdict verdict, List<LookupRow> rows, String redisError,
                         String postgresError, String error, boolean knownToEither) {

    public LookupView {
        rows = List.copyOf(rows);
    }

    public static LookupView of(Lookup lookup) {
        boolean redisAnswered = lookup.redis().answered();
        boolean postgresAnswered = lookup.postgres().answered();
        List<LookupRow> rows = LookupComparison.fieldsOf(lookup).stream()
                .map(field -> LookupRow.of(field, redisAnswered, postgresAnswered)).toList();
        boolean known = lookup.redis().channel().isPresent() || lookup.postgres().channel().isPresent();
        return new LookupView(lookup.channel().value(), lookup.user().map(UserId::value).orElse(null),
                DriftPolicy.verdictOn(lookup), rows, lookup.redis().error().orElse(null),
                lookup.postgres().error().orElse(null), null, known);
    }

    public static LookupView failed(String channel, String user, String error) {
        return new LookupView(channel, user, null, List.of(), null, null, error, false);
    }

    public boolean hasVerdict() {
        return verdict != null;
    }

    public String verdictName() {
        return verdict == null ? "" : verdict.name();
    }

    public String verdictTone() {
        if (verdict == null) {
            return Tone.BAD;
        }
        return switch (verdict) {
            case AGREE -> Tone.OK;
            case PENDING -> Tone.WARN;
            case DRIFTED -> Tone.BAD;
            case UNKNOWN -> Tone.NEUTRAL;
        };
    }

    public String verdictMeaning() {
        if (verdict == null) {
            return "";
        }
        return switch (verdict) {
            case AGREE -> knownToEither ? "Redis and PostgreSQL hold the same values."
                    : "Neither Redis nor PostgreSQL knows this channel.";
            case PENDING -> "The stores differ, but this channel has changes waiting to be flushed: PostgreSQL will catch up.";
            case DRIFTED -> "The stores differ and nothing is waiting to be flushed: PostgreSQL will not catch up by itself.";
            case UNKNOWN -> "A store could not be asked, so the two cannot be compared.";
        };
    }
}
