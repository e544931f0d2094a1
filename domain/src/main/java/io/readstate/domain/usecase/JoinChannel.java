package io.readstate.domain.usecase;

import io.readstate.domain.model.MemberJoined;
import io.readstate.domain.model.Outcome;

/**
 * A user joins a channel: {@link Outcome.Joined}, or {@link Outcome.ReadPositionAboveHead}
 * when the requested read position lies above the channel's head.
 */
public final class JoinChannel {

    private final EventRecorder recorder;

    public JoinChannel(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome join(MemberJoined join) {
        return recorder.recordOne(join);
    }
}
