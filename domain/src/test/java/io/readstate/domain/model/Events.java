package io.readstate.domain.model;

import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/** The events the tests send, by short names; none carries a time, so the recorder stamps it. */
public final class Events {

    private Events() {
    }

    public static MessagePosted message(ChannelId channel, long seq, UserId sender, UserId... mentioned) {
        return new MessagePosted(channel, seq, sender, null, Set.of(mentioned), false);
    }

    public static MessagePosted messageToAll(ChannelId channel, long seq, UserId sender) {
        return new MessagePosted(channel, seq, sender, null, Set.of(), true);
    }

    public static ChannelRead read(ChannelId channel, UserId user, long upToSeq) {
        return new ChannelRead(channel, user, OptionalLong.of(upToSeq), null);
    }

    public static ChannelRead readToTheHead(ChannelId channel, UserId user) {
        return new ChannelRead(channel, user, OptionalLong.empty(), null);
    }

    public static MemberJoined join(ChannelId channel, UserId user) {
        return new MemberJoined(channel, user, OptionalLong.empty(), null);
    }

    public static MemberJoined joinFrom(ChannelId channel, UserId user, long lastReadSeq) {
        return new MemberJoined(channel, user, OptionalLong.of(lastReadSeq), null);
    }

    public static MembersJoined joinAll(ChannelId channel, UserId... users) {
        return new MembersJoined(channel, List.of(users), null);
    }

    public static MemberLeft leave(ChannelId channel, UserId user) {
        return new MemberLeft(channel, user);
    }

    public static MessageDeleted delete(ChannelId channel, long seq) {
        return new MessageDeleted(channel, seq);
    }
}
