package io.readstate.domain.usecase;

import io.readstate.domain.model.MessagePosted;
import io.readstate.domain.model.Outcome;

/** A chat service reports a new message; every member but the sender now counts it. */
public final class PostMessage {

    private final EventRecorder recorder;

    public PostMessage(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome.MessageAccepted post(MessagePosted message) {
        return (Outcome.MessageAccepted) recorder.recordOne(message);
    }
}
