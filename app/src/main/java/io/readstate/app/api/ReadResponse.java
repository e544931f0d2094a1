package io.readstate.app.api;

import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;

/** The member state after a read, and whether the read moved the read position. */
public record ReadResponse(String channelId, String userId, long unread, boolean unreadCapped, long mentions,
                           long lastReadSeq, String lastReadAt, long headSeq, boolean applied) {

    public static ReadResponse of(Outcome.ReadRecorded read) {
        MemberState state = read.state();
        return new ReadResponse(state.channelId().value(), state.userId().value(), state.unread(),
                state.unreadCapped(), state.mentions(), state.lastReadSeq(), Instants.format(state.lastReadAt()),
                state.headSeq(), read.applied());
    }
}
