package io.readstate.app.api;

import io.readstate.domain.model.Outcome;

/** What posting a message did: whether it was new, how many members count it, how many it mentions. */
public record MessageResponse(String channelId, long seq, boolean applied, long recipients, long mentioned) {

    public static MessageResponse of(Outcome.MessageAccepted message) {
        return new MessageResponse(message.channelId().value(), message.seq(), message.applied(),
                message.recipients(), message.mentioned());
    }
}
