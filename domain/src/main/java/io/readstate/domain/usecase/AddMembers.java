package io.readstate.domain.usecase;

import io.readstate.domain.model.MembersJoined;
import io.readstate.domain.model.Outcome;

/** Many users join a channel at once, each reading from its head. */
public final class AddMembers {

    private final EventRecorder recorder;

    public AddMembers(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome.MembersAdded add(MembersJoined join) {
        return (Outcome.MembersAdded) recorder.recordOne(join);
    }
}
