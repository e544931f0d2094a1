package io.readstate.app.api;

import io.readstate.domain.model.Outcome;

/** What a bulk join did: how many users became members, how many already were. */
public record MembersAddedResponse(long added, long alreadyMembers) {

    public static MembersAddedResponse of(Outcome.MembersAdded members) {
        return new MembersAddedResponse(members.added(), members.alreadyMembers());
    }
}
