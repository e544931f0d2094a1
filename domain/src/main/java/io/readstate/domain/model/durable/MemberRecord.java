package io.readstate.domain.model.durable;

import io.readstate.domain.model.UserId;
import java.time.Instant;

/**
 * A member's durable state, or (present false) the departure of the membership with
 * this generation. Generations order memberships of one user in one channel: a write for
 * an older generation never overrides a newer one, so a late write cannot bring back a
 * member who left.
 */
public record MemberRecord(UserId userId, boolean present, long lastReadSeq, Instant lastReadAt, long generation) {
}
