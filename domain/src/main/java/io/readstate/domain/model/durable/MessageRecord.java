package io.readstate.domain.model.durable;

import io.readstate.domain.model.UserId;
import java.util.List;

/**
 * A message of the window as the durable store keeps it; {@code mentions} are the
 * mentions by name, each for the membership (generation) the user had when it arrived.
 */
public record MessageRecord(long seq, boolean mentionAll, List<Mention> mentions) {

    public MessageRecord {
        mentions = List.copyOf(mentions);
    }

    /** A mention by name of one membership. */
    public record Mention(UserId userId, long generation) {
    }
}
