package io.readstate.domain.usecase;

import io.readstate.domain.model.ChannelRead;
import io.readstate.domain.model.Outcome;

/**
 * A member has read a channel up to a position: {@link Outcome.ReadRecorded}, or
 * {@link Outcome.NotAMember}.
 */
public final class MarkChannelRead {

    private final EventRecorder recorder;

    public MarkChannelRead(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome read(ChannelRead read) {
        return recorder.recordOne(read);
    }
}
