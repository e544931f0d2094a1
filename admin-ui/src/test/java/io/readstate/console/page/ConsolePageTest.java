package io.readstate.console.page;

import static io.readstate.console.SnapshotBuilder.aSnapshot;
import static io.readstate.console.page.Html.tagOf;
import static io.readstate.console.page.Html.textOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.readstate.console.ActionResult;
import io.readstate.console.ConsoleSnapshot;
import io.readstate.console.Health;
import io.readstate.console.Lookup;
import io.readstate.console.Readings;
import io.readstate.console.StoreReading;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.thymeleaf.TemplateEngine;

class ConsolePageTest {

    private static final TemplateEngine ENGINE = ConsoleTemplates.engine();
    private static final String TOKEN = "token-123";

    private final ConsolePage page = new ConsolePage(ENGINE);

    @Test
    void the_figures_of_the_snapshot_appear_where_an_operator_looks_for_them() {
        String html = render(aSnapshot().build());

        assertThat(textOf(html, "mode")).isEqualTo("write-behind");
        assertThat(textOf(html, "lag")).isEqualTo("1.2 s");
        assertThat(textOf(html, "backlog")).isEqualTo("12,345");
        assertThat(textOf(html, "dirty-channels")).isEqualTo("321");
        assertThat(textOf(html, "flush-rate")).isEqualTo("12.0");
        assertThat(textOf(html, "rows-per-flush")).isEqualTo("1,024");
        assertThat(textOf(html, "coalescing")).isEqualTo("8.4");
        assertThat(textOf(html, "last-flush-at")).isEqualTo("19:00:03 UTC");
        assertThat(textOf(html, "last-flush-ago")).isEqualTo("2.0 s ago");
        assertThat(textOf(html, "last-flush-duration")).isEqualTo("84 ms");
        assertThat(textOf(html, "last-flush-error")).isEqualTo("none");
        assertThat(textOf(html, "recovery")).isEqualTo("Steady");
        assertThat(textOf(html, "checkpoint-age")).isEqualTo("4.2 s");
        assertThat(textOf(html, "overall")).isEqualTo("All checks passing");
        assertThat(html).contains("id=\"lag-chart\"", "id=\"backlog-chart\"", ">1,200/s<", ">message<");
    }

    @Test
    void a_store_that_is_down_shows_as_down_with_its_message() {
        String html = render(aSnapshot().health(
                Health.up("redis", "PONG in 0.4 ms"),
                Health.down("postgres", "Connection refused: localhost:5432"),
                Health.down("sync-lag", "lag 95 s passes the limit of 30 s")).build());

        assertThat(html).containsPattern("data-check=\"postgres\" data-tone=\"bad\"")
                .containsPattern("data-check=\"redis\" data-tone=\"ok\"")
                .contains(">PostgreSQL<", ">down<", "Connection refused: localhost:5432");
        assertThat(textOf(html, "overall")).isEqualTo("2 checks failing");
        assertThat(tagOf(html, "overall")).contains("data-tone=\"bad\"");
    }

    @Test
    void text_from_outside_is_escaped_never_injected() {
        String html = render(aSnapshot()
                .problem("<script>alert('problem')</script>")
                .lastFlush(Instant.parse("2026-11-26T19:00:03Z"), "ERROR: relation \"member\" <img src=x onerror=alert(1)>")
                .health(Health.down("redis", "<b>down</b> & out"))
                .events(Map.of("<i>odd</i>", 1.0))
                .build());

        assertThat(html).doesNotContain("<script>alert", "<img src=x", "<b>down</b>", "<i>odd</i>")
                .contains("&lt;script&gt;alert(&#39;problem&#39;)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;b&gt;down&lt;/b&gt; &amp; out");
        assertThat(tagOf(html, "problem")).doesNotContain("hidden");
    }

    @Test
    void the_page_has_no_inline_script_and_no_secret_only_the_form_token() {
        String html = render(aSnapshot().build());

        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContainPattern("\\son[a-z]+=\"");
        assertThat(html.split("name=\"csrf\" value=\"" + TOKEN + "\"", -1)).hasSize(3);
        assertThat(html).contains("src=\"/console/assets/uPlot.iife.min.js\"", "src=\"/console/assets/console.js\"")
                .doesNotContain("cdn", "http://", "https://");
    }

    @Test
    void a_partial_snapshot_shows_its_problem_and_a_whole_one_hides_the_banner() {
        assertThat(tagOf(render(aSnapshot().build()), "problem")).contains("hidden");
        String partial = render(aSnapshot().problem("Redis did not answer: the backlog is unknown").build());
        assertThat(textOf(partial, "problem-message")).isEqualTo("Redis did not answer: the backlog is unknown");
    }

    @Test
    void with_no_snapshot_at_all_every_figure_is_a_dash_and_the_reason_is_shown() {
        SnapshotView unavailable = SnapshotView.unavailable(Instant.parse("2026-11-26T19:00:05Z"),
                "The service state could not be read: Redis connection refused");

        String html = render(PageContent.of("/console", TOKEN, unavailable));

        assertThat(textOf(html, "lag")).isEqualTo(DisplayFormat.NONE);
        assertThat(textOf(html, "backlog")).isEqualTo(DisplayFormat.NONE);
        assertThat(textOf(html, "overall")).isEqualTo("Status unknown");
        assertThat(textOf(html, "problem-message")).contains("Redis connection refused");
        assertThat(html).containsPattern("<p class=\"empty\">No health checks reported.</p>");
    }

    @Test
    void the_sample_content_of_the_natural_template_never_reaches_the_rendered_page() {
        String html = render(aSnapshot().health(Health.up("redis", "PONG")).events(Map.of("message", 5.0)).build());

        assertThat(html).doesNotContain("th:", "Connection to 127.0.0.1:5432 refused", "data-type=\"read\"",
                "No health checks reported", "PENDING");
        assertThat(html.split("class=\"card health-card\"", -1)).as("one card, plus the script's template").hasSize(3);
    }

    @Test
    void a_coalescing_ratio_before_any_row_shows_as_a_dash() {
        String html = render(aSnapshot().coalescingRatio(Double.NaN).lastFlush(null, null).build());

        assertThat(textOf(html, "coalescing")).isEqualTo(DisplayFormat.NONE);
        assertThat(textOf(html, "last-flush-at")).isEqualTo("never");
    }

    @Test
    void recovery_and_checkpoint_age_are_shown() {
        String html = render(aSnapshot().recovering(95_000L).build());

        assertThat(textOf(html, "recovery")).isEqualTo("Rebuilding from PostgreSQL");
        assertThat(textOf(html, "checkpoint-age")).isEqualTo("1 min 35 s");
    }

    @Test
    void the_result_of_an_action_is_shown_under_that_action_only() {
        PageContent content = PageContent.of("/console", TOKEN, SnapshotView.of(aSnapshot().build()))
                .withOutcome(Optional.of(new ActionOutcome(ActionOutcome.FLUSH,
                        ActionResult.failed("Flush failed: <PostgreSQL> is down"))));

        String html = render(content);

        assertThat(textOf(html, "flush-result")).isEqualTo("Flush failed: &lt;PostgreSQL&gt; is down");
        assertThat(tagOf(html, "flush-result")).contains("data-tone=\"bad\"").doesNotContain("hidden");
        assertThat(tagOf(html, "rehydrate-result")).contains("hidden");
    }

    @Test
    void a_lookup_shows_both_stores_side_by_side_with_the_verdict() {
        ChannelId channel = ChannelId.of("general");
        Optional<UserId> alice = Optional.of(UserId.of("alice"));
        StoreReading redis = Readings.channel(channel, 1_210, 42).withMember(alice, 1_200, 10, 1);
        StoreReading postgres = Readings.channel(channel, 1_204, 42).withMember(alice, 1_200, 4, 1);
        LookupView lookup = LookupView.of(new Lookup(channel, alice, redis, postgres, true));

        String html = renderLookup(lookup);

        assertThat(tagOf(html, "lookup-verdict")).contains("data-verdict=\"PENDING\"", "data-tone=\"warn\"");
        assertThat(textOf(html, "lookup-subject-channel")).isEqualTo("general");
        assertThat(textOf(html, "lookup-subject-user")).isEqualTo("alice");
        assertThat(html).containsPattern("data-differs=\"true\" class=\"differs\">\\s*<th scope=\"row\">Head seq</th>\\s*"
                        + "<td class=\"num\">1,210</td>\\s*<td class=\"num\">1,204</td>")
                .containsPattern("data-differs=\"false\">\\s*<th scope=\"row\">Members</th>");
    }

    @Test
    void a_channel_neither_store_knows_is_said_in_words() {
        LookupView lookup = LookupView.of(new Lookup(ChannelId.of("nowhere"), Optional.empty(), Readings.nothing(),
                Readings.nothing(), false));

        String html = renderLookup(lookup);

        assertThat(tagOf(html, "lookup-verdict")).contains("data-verdict=\"AGREE\"");
        assertThat(html).contains("Neither Redis nor PostgreSQL knows this channel.");
    }

    @Test
    void a_lookup_that_a_store_could_not_answer_says_so() {
        ChannelId channel = ChannelId.of("general");
        StoreReading redis = Readings.channel(channel, 1_204, 42).withoutMember();
        LookupView lookup = LookupView.of(new Lookup(channel, Optional.empty(), redis,
                StoreReading.unreachable("Connection <refused>"), false));

        String html = renderLookup(lookup);

        assertThat(tagOf(html, "lookup-verdict")).contains("data-verdict=\"UNKNOWN\"");
        assertThat(textOf(html, "lookup-postgres-error")).isEqualTo("down: Connection &lt;refused&gt;");
        assertThat(textOf(html, "lookup-redis-error")).isEqualTo("answered");
        assertThat(html).doesNotContain("data-differs=\"true\"")
                .containsPattern("<th scope=\"row\">Head seq</th>\\s*<td class=\"num\">1,204</td>\\s*<td class=\"num\">unknown</td>");
    }

    @Test
    void a_lookup_of_an_invalid_id_shows_the_problem_escaped() {
        String html = renderLookup(LookupView.failed("<svg onload=x>", "", "channelId: may contain only A-Z a-z 0-9 _ . : @ -"));

        assertThat(html).doesNotContain("<svg").contains("&lt;svg onload=x&gt;");
        assertThat(textOf(html, "lookup-error")).startsWith("channelId: may contain only");
        assertThat(html).doesNotContain("lookup-verdict");
    }

    @Test
    void the_page_embeds_a_lookup_and_echoes_the_typed_ids_escaped() {
        ChannelId channel = ChannelId.of("general");
        StoreReading same = Readings.channel(channel, 1_204, 42).withoutMember();
        PageContent content = PageContent.of("/console", TOKEN, SnapshotView.of(aSnapshot().build()))
                .withLookup("general", "\"><script>", LookupView.of(new Lookup(channel, Optional.empty(), same, same, false)));

        String html = render(content);

        assertThat(tagOf(html, "lookup-verdict")).contains("data-verdict=\"AGREE\"");
        assertThat(tagOf(html, "lookup-channel")).contains("value=\"general\"");
        assertThat(tagOf(html, "lookup-user")).contains("value=\"&quot;&gt;&lt;script&gt;\"");
    }

    private String render(ConsoleSnapshot snapshot) {
        return render(PageContent.of("/console", TOKEN, SnapshotView.of(snapshot)));
    }

    private String render(PageContent content) {
        StringWriter out = new StringWriter();
        page.render(content, out);
        return out.toString();
    }

    private String renderLookup(LookupView lookup) {
        StringWriter out = new StringWriter();
        page.renderLookup(lookup, out);
        return out.toString();
    }
}
