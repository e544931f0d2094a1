package io.readstate.app.resources;

import io.readstate.app.api.ApiException;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Problem;
import java.util.List;

/** How the API answers each {@link Outcome}: the status of a success, the error of a rejection. */
final class Outcomes {

    private Outcomes() {
    }

    /** The status the single endpoint answers for this outcome when it is not a rejection. */
    static int successStatus(Outcome outcome) {
        if (outcome instanceof Outcome.Joined joined) {
            return joined.created() ? 201 : 200;
        }
        if (outcome instanceof Outcome.Left || outcome instanceof Outcome.Deleted) {
            return 204;
        }
        return 200;
    }

    static boolean isRejection(Outcome outcome) {
        return outcome instanceof Outcome.NotAMember || outcome instanceof Outcome.ReadPositionAboveHead;
    }

    /** The error for a rejected event; throws {@link IllegalArgumentException} for an outcome that is no rejection. */
    static ApiException rejection(Outcome outcome) {
        if (outcome instanceof Outcome.NotAMember notAMember) {
            return ApiException.notFound("User " + notAMember.userId() + " is not a member of channel "
                    + notAMember.channelId());
        }
        if (outcome instanceof Outcome.ReadPositionAboveHead above) {
            Problem problem = new Problem("lastReadSeq",
                    "must not be above the channel's headSeq (" + above.headSeq() + ")");
            return ApiException.validationFailed(problem.field() + ": " + problem.problem(), List.of(problem));
        }
        throw new IllegalArgumentException("not a rejection: " + outcome);
    }
}
