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
class ReceiptsResourceTest {

    private static final InMemoryApi API =
            new InMemoryApi(100, Clock.fixed(Instant.parse("2026-11-26T19:00:00Z"), ZoneOffset.UTC));
    private static final ResourceExtension RESOURCES = API.resources();
    private static final String RECEIPTS = "/v1/channels/general/receipts";

    private final ApiClient api = API.client();

    @BeforeEach
    void fiveMembersHaveReadUpToDifferentMessages() {
        API.reset();
        for (String user : new String[] {"erin", "dave", "carol", "bob", "alice"}) {
            api.put("/v1/channels/general/members/" + user);
        }
        for (int seq = 1; seq <= 3; seq++) {
            api.post("/v1/channels/general/messages", "{\"seq\": " + seq + ", \"senderId\": \"zed\"}");
        }
        api.post("/v1/channels/general/read", "{\"userId\": \"erin\"}");
        api.post("/v1/channels/general/read", "{\"userId\": \"carol\", \"seq\": 2}");
        api.post("/v1/channels/general/read", "{\"userId\": \"alice\", \"seq\": 2}");
        api.post("/v1/channels/general/read", "{\"userId\": \"bob\", \"seq\": 1}");
    }

    @Test
    void receipts_name_the_members_who_read_the_message_sorted() {
        Answer receipts = api.get(RECEIPTS + "?seq=2");

        assertThat(receipts.status()).isEqualTo(200);
        assertThat(receipts.body().toString()).isEqualTo("{\"channelId\":\"general\",\"seq\":2,\"readCount\":3,"
                + "\"memberCount\":5,\"readBy\":[\"alice\",\"carol\",\"erin\"],\"next\":null}");
    }

    @Test
    void receipts_come_in_pages_that_follow_the_cursor() {
        Answer first = api.get(RECEIPTS + "?seq=1&limit=2");
        Answer second = api.get(RECEIPTS + "?seq=1&limit=2&after=" + first.get("next").asText());

        assertThat(first.get("readBy").toString()).isEqualTo("[\"alice\",\"bob\"]");
        assertThat(first.get("next").asText()).isEqualTo("bob");
        assertThat(first.get("readCount").asLong()).isEqualTo(4);
        assertThat(second.get("readBy").toString()).isEqualTo("[\"carol\",\"erin\"]");
        assertThat(second.get("next").isNull()).isTrue();
    }

    @Test
    void a_message_nobody_read_has_no_receipts() {
        Answer receipts = api.get(RECEIPTS + "?seq=99");

        assertThat(receipts.get("readCount").asLong()).isZero();
        assertThat(receipts.get("readBy").isEmpty()).isTrue();
    }

    @Test
    void an_unknown_channel_is_a_404() {
        assertThat(api.get("/v1/channels/nowhere/receipts?seq=1").code()).isEqualTo("not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?seq=", "?seq=0", "?seq=-1", "?seq=abc", "?seq=1.5", "?seq=9223372036854775808"})
    void the_seq_is_required_and_must_be_an_integer_from_1(String query) {
        Answer rejected = api.get(RECEIPTS + query);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problemFields()).containsExactly("seq");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "-5", "ten", ""})
    void the_limit_is_from_1_to_1000(String limit) {
        assertThat(api.get(RECEIPTS + "?seq=1&limit=" + limit).problemFields()).containsExactly("limit");
    }

    @Test
    void the_limit_may_be_1000() {
        assertThat(api.get(RECEIPTS + "?seq=1&limit=1000").get("readBy")).hasSize(4);
    }

    @Test
    void the_cursor_must_be_a_user_id() {
        assertThat(api.get(RECEIPTS + "?seq=1&after=a%20b").problemFields()).containsExactly("after");
        assertThat(api.get(RECEIPTS + "?seq=x&limit=0&after=").problemFields()).containsExactly("seq", "limit", "after");
    }
}
