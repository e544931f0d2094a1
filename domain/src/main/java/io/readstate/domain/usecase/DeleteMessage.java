package io.readstate.domain.usecase;

import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.Outcome;

/** A message is deleted and leaves every count; an unknown one changes nothing. */
public final class DeleteMessage {

    private final EventRecorder recorder;

    public DeleteMessage(EventRecorder recorder) {
        this.recorder = recorder;
    }

    public Outcome.Deleted delete(MessageDeleted deletion) {
        return (Outcome.Deleted) recorder.recordOne(deletion);
    }
}
