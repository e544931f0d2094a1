package io.readstate.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.UserId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriftPolicyTest {

    private static final ChannelId GENERAL = ChannelId.of("general");
    private static final Optional<UserId> ALICE = Optional.of(UserId.of("alice"));

    @Test
    void stores_holding_the_same_channel_and_member_agree() {
        StoreReading same = Readings.channel(GENERAL, 1_204, 42).withMember(ALICE, 1_200, 4, 1);

        assertThat(verdict(same, same, false)).isEqualTo(Verdict.AGREE);
        assertThat(verdict(same, same, true)).as("agreement does not depend on the backlog").isEqualTo(Verdict.AGREE);
    }

    @Test
    void a_channel_neither_store_knows_is_agreement() {
        assertThat(verdict(Readings.nothing(), Readings.nothing(), false)).isEqualTo(Verdict.AGREE);
    }

    @Test
    void a_difference_with_changes_waiting_to_be_flushed_is_pending() {
        StoreReading redis = Readings.channel(GENERAL, 1_210, 42).withMember(ALICE, 1_200, 10, 1);
        StoreReading postgres = Readings.channel(GENERAL, 1_204, 42).withMember(ALICE, 1_200, 4, 1);

        assertThat(verdict(redis, postgres, true)).isEqualTo(Verdict.PENDING);
    }

    @Test
    void a_difference_with_nothing_waiting_to_be_flushed_is_drift() {
        StoreReading redis = Readings.channel(GENERAL, 1_204, 42).withMember(ALICE, 1_204, 0, 0);
        StoreReading postgres = Readings.channel(GENERAL, 1_204, 42).withMember(ALICE, 1_200, 4, 1);

        assertThat(verdict(redis, postgres, false)).isEqualTo(Verdict.DRIFTED);
    }

    @Test
    void a_member_missing_from_one_store_is_a_difference() {
        StoreReading redis = Readings.channel(GENERAL, 1_204, 42).withMember(ALICE, 1_200, 4, 1);
        StoreReading postgres = Readings.channel(GENERAL, 1_204, 42).withoutMember();

        assertThat(verdict(redis, postgres, false)).isEqualTo(Verdict.DRIFTED);
    }

    @Test
    void the_member_is_not_compared_when_no_user_was_asked_for() {
        StoreReading redis = Readings.channel(GENERAL, 1_204, 42).withoutMember();
        StoreReading postgres = Readings.channel(GENERAL, 1_204, 42).withoutMember();
        Lookup lookup = new Lookup(GENERAL, Optional.empty(), redis, postgres, false);

        assertThat(DriftPolicy.verdictOn(lookup)).isEqualTo(Verdict.AGREE);
        assertThat(LookupComparison.fieldsOf(lookup)).extracting(ComparedField::label)
                .containsExactly("Channel known", "Head seq", "Members", "Last message at");
    }

    @Test
    void instants_that_differ_below_the_millisecond_still_agree() {
        ChannelSummary micros = new ChannelSummary(GENERAL, 5, 2, Readings.LAST_MESSAGE_AT.plusNanos(456_000));
        ChannelSummary millis = new ChannelSummary(GENERAL, 5, 2, Readings.LAST_MESSAGE_AT);
        StoreReading redis = StoreReading.found(Optional.of(millis), Optional.empty());
        StoreReading postgres = StoreReading.found(Optional.of(micros), Optional.empty());

        assertThat(verdict(redis, postgres, false)).isEqualTo(Verdict.AGREE);
    }

    @Test
    void nothing_can_be_said_when_a_store_could_not_be_asked() {
        StoreReading redis = Readings.channel(GENERAL, 1_204, 42).withMember(ALICE, 1_200, 4, 1);

        assertThat(verdict(redis, StoreReading.unreachable("connection refused"), true)).isEqualTo(Verdict.UNKNOWN);
        assertThat(verdict(StoreReading.unreachable("timeout"), redis, false)).isEqualTo(Verdict.UNKNOWN);
    }

    private static Verdict verdict(StoreReading redis, StoreReading postgres, boolean pendingFlush) {
        return DriftPolicy.verdictOn(new Lookup(GENERAL, ALICE, redis, postgres, pendingFlush));
    }
}
