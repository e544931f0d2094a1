package io.readstate.console;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.Optional;

/** Store readings for tests. */
public final class Readings {

    public static final Instant LAST_MESSAGE_AT = Instant.parse("2026-11-26T18:59:58.123Z");

    private final ChannelSummary channel;

    private Readings(ChannelSummary channel) {
        this.channel = channel;
    }

    public static Readings channel(ChannelId id, long headSeq, long members) {
        return new Readings(new ChannelSummary(id, headSeq, members, LAST_MESSAGE_AT));
    }

    public StoreReading withoutMember() {
        return StoreReading.found(Optional.of(channel), Optional.empty());
    }

    public StoreReading withMember(Optional<UserId> user, long lastReadSeq, long unread, long mentions) {
        Optional<MemberState> member = user.map(u -> new MemberState(channel.channelId(), u, unread, false, mentions,
                lastReadSeq, LAST_MESSAGE_AT, channel.headSeq()));
        return StoreReading.found(Optional.of(channel), member);
    }

    public static StoreReading nothing() {
        return StoreReading.found(Optional.empty(), Optional.empty());
    }
}
