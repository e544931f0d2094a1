package io.readstate.domain.model;

/**
 * What recording one {@link ChannelEvent} did. Expected rejections (not a member, a
 * read position above the head) are outcomes too, not exceptions.
 */
public sealed interface Outcome {

    /** Whether the event changed anything. */
    boolean applied();

    /**
     * This outcome without what a batch's answer leaves out: a read's member state, a message's
     * recipients (see {@link ReadNoted}, {@link MessageNoted}).
     */
    default Outcome brief() {
        return this;
    }

    /** A message was taken ({@code applied}) or was already known (a duplicate delivery). */
    record MessageAccepted(ChannelId channelId, long seq, boolean applied, long recipients, long mentioned)
            implements Outcome {
        @Override
        public Outcome brief() {
            return new MessageNoted(applied);
        }
    }

    /**
     * A message was taken or was already known, answered briefly (as in a batch of events, whose
     * answer for a message is its status alone).
     */
    record MessageNoted(boolean applied) implements Outcome {
    }

    /** A read was recorded; {@code applied} is false when it did not move the read position forward. */
    record ReadRecorded(MemberState state, boolean applied) implements Outcome {
        @Override
        public Outcome brief() {
            return new ReadNoted(applied);
        }
    }

    /**
     * A read was recorded, answered briefly (as in a batch of events, whose answer for a read
     * is its status alone): {@code applied} is false when it did not move the read position forward.
     */
    record ReadNoted(boolean applied) implements Outcome {
    }

    /** A user is a member now; {@code created} is false when it already was one. */
    record Joined(MemberState state, boolean created) implements Outcome {
        @Override
        public boolean applied() {
            return created;
        }
    }

    /** A bulk join: how many users became members and how many already were. */
    record MembersAdded(long added, long alreadyMembers) implements Outcome {
        @Override
        public boolean applied() {
            return added > 0;
        }
    }

    /** A member left. */
    record Left() implements Outcome {
        @Override
        public boolean applied() {
            return true;
        }
    }

    /** A message was deleted; {@code applied} is false when it was unknown or already deleted. */
    record Deleted(boolean applied) implements Outcome {
    }

    /** The user is not a member of the channel (or the channel is unknown). Nothing changed. */
    record NotAMember(ChannelId channelId, UserId userId) implements Outcome {
        @Override
        public boolean applied() {
            return false;
        }
    }

    /** A join named a read position above the channel's head. Nothing changed. */
    record ReadPositionAboveHead(long lastReadSeq, long headSeq) implements Outcome {
        @Override
        public boolean applied() {
            return false;
        }
    }
}
