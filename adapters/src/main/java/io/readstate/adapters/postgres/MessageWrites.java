package io.readstate.adapters.postgres;

import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.UserId;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Rules 1, 2 and 5 in PostgreSQL: messages joining the window, the window's trimming, deletions. */
final class MessageWrites {

    private final ChannelRowsDao channels;
    private final MemberRowsDao members;
    private final MessageRowsDao messages;
    private final int windowSize;

    MessageWrites(Handle handle, int windowSize) {
        this.channels = handle.attach(ChannelRowsDao.class);
        this.members = handle.attach(MemberRowsDao.class);
        this.messages = handle.attach(MessageRowsDao.class);
        this.windowSize = windowSize;
    }

    /** A message above the head joins the window; the sender, if a member, has read it. */
    Outcome.MessageAccepted post(MessagePosted message) {
        String channel = message.channelId().value();
        ChannelRow row = channels.lockCreatingIfAbsent(channel);
        if (message.seq() <= row.headSeq()) {
            return new Outcome.MessageAccepted(message.channelId(), message.seq(), false, 0, 0);
        }
        messages.insert(channel, message.seq(), message.mentionAll());
        boolean senderIsMember =
                members.moveReadPosition(channel, message.senderId().value(), message.seq(), message.sentAt()) == 1;
        long recipients = members.countPresent(channel) - (senderIsMember ? 1 : 0);
        long mentioned = message.mentionAll() ? recipients : mentionByName(channel, message);
        keepWindow(channel, message, row);
        return new Outcome.MessageAccepted(message.channelId(), message.seq(), true, recipients, mentioned);
    }

    /** A message in the window leaves every count; the head stays. */
    Outcome.Deleted delete(MessageDeleted deletion) {
        String channel = deletion.channelId().value();
        Optional<ChannelRow> row = channels.lock(channel);
        boolean applied = row.isPresent() && messages.markDeleted(channel, deletion.seq(), row.get().windowFloor()) == 1;
        if (applied) {
            channels.messageLeftWindow(channel);
            messages.forgetMentionsAt(channel, deletion.seq());
        }
        return new Outcome.Deleted(applied);
    }

    private long mentionByName(String channel, MessagePosted message) {
        if (message.mentions().isEmpty()) {
            return 0;
        }
        String[] named = message.mentions().stream().map(UserId::value).sorted().toArray(String[]::new);
        return messages.recordMentions(channel, message.seq(), message.senderId().value(), named);
    }

    /**
     * Moves the head to the new message, which is in the window now; while the window holds
     * more than its size, its oldest message leaves it and becomes the floor.
     */
    private void keepWindow(String channel, MessagePosted message, ChannelRow row) {
        long floor = row.windowFloor();
        int count = row.windowCount() + 1;
        if (count > windowSize) {
            floor = messages.trimWindow(channel, floor, count - windowSize - 1);
            count = windowSize;
        }
        channels.advanceHead(channel, message.seq(), message.sentAt(), floor, count);
    }
}
