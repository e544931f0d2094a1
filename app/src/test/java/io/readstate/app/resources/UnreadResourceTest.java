package io.readstate.app.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.app.Answer;
import io.readstate.app.ApiClient;
import io.readstate.app.InMemoryApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
class UnreadResourceTest {

    private static final InMemoryApi API =
            new InMemoryApi(100, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();

    private final ApiClient api = API.client();

    @BeforeEach
    void bobIsInThreeChannels() {
        API.reset();
        for (String channel : new String[] {"zeta", "alpha", "quiet"}) {
            api.put("/v1/channels/" + channel + "/members/bob");
        }
        api.post("/v1/channels/zeta/messages", "{\"seq\": 1, \"senderId\": \"alice\"}");
        api.post("/v1/channels/zeta/messages", "{\"seq\": 2, \"senderId\": \"alice\"}");
        api.post("/v1/channels/alpha/messages", "{\"seq\": 1, \"senderId\": \"alice\", \"mentionAll\": true}");
    }

    @Test
    void the_totals_cover_every_membership_and_the_list_only_channels_with_something_unread() {
        Answer unread = api.get("/v1/users/bob/unread");

        assertThat(unread.status()).isEqualTo(200);
        assertThat(unread.get("userId").asText()).isEqualTo("bob");
        assertThat(unread.get("totalUnread").asLong()).isEqualTo(3);
        assertThat(unread.get("totalMentions").asLong()).isEqualTo(1);
        assertThat(unread.get("channels").findValuesAsText("channelId")).containsExactly("alpha", "zeta");
        assertThat(unread.get("channels").get(0).fieldNames()).toIterable().containsExactly("channelId", "userId",
                "unread", "unreadCapped", "mentions", "lastReadSeq", "lastReadAt", "headSeq");
    }

    @Test
    void include_all_lists_every_membership_sorted_by_channel() {
        Answer unread = api.get("/v1/users/bob/unread?include=all");

        assertThat(unread.get("channels").findValuesAsText("channelId")).containsExactly("alpha", "quiet", "zeta");
        assertThat(unread.get("totalUnread").asLong()).isEqualTo(3);
    }

    @Test
    void a_user_without_memberships_has_zero_totals() {
        Answer unread = api.get("/v1/users/nobody/unread?include=all");

        assertThat(unread.status()).isEqualTo(200);
        assertThat(unread.body().toString())
                .isEqualTo("{\"userId\":\"nobody\",\"totalUnread\":0,\"totalMentions\":0,\"channels\":[]}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"some", "ALL", "", "all,more"})
    void any_include_but_all_is_a_422(String include) {
        Answer rejected = api.get("/v1/users/bob/unread?include=" + include);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactly("include");
    }

    @Test
    void a_bad_user_id_is_a_422() {
        assertThat(api.get("/v1/users/a%20b/unread").problemFields()).containsExactly("userId");
    }
}
