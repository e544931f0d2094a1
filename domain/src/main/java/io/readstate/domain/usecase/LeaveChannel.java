package io.readstate.domain.usecase;

import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.Outcome;

/** A member leaves a channel: {@link Outcome.Left}, or {@link Outcome.NotAMember}. */
public final class LeaveChannel {

    private final EventRecorder recorder;

    public LeaveChannel(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome leave(MemberLeft leave) {
        return recorder.recordOne(leave);
    }
}
