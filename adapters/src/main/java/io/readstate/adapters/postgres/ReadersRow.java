package io.readstate.adapters.postgres;

import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import java.util.List;

/**
 * The members of a channel who have read up to a seq, sorted by user id, and how many
 * members it has. Public only for JDBI's constructor mapper.
 */
public record ReadersRow(long memberCount, List<String> userIds) {

    Readers toReaders() {
        return new Readers(memberCount, userIds.stream().map(UserId::of).toList());
    }
}
