package io.readstate.app.api;

import io.readstate.domain.model.MemberState;

/** A member's read position and counts, as {@code GET} and {@code PUT} of a member answer them. */
public record MemberStateResponse(String channelId, String userId, long unread, boolean unreadCapped,
                                  long mentions, long lastReadSeq, String lastReadAt, long headSeq) {

    public static MemberStateResponse of(MemberState state) {
        return new MemberStateResponse(state.channelId().value(), state.userId().value(), state.unread(),
                state.unreadCapped(), state.mentions(), state.lastReadSeq(), Instants.format(state.lastReadAt()),
                state.headSeq());
    }
}
