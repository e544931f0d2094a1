package io.readstate.console.web;

import static io.readstate.console.SnapshotBuilder.aSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.console.ConsoleHistory;
import io.readstate.console.FakeConsoleBackend;
import io.readstate.console.Health;
import io.readstate.console.page.ConsoleTemplates;
import io.readstate.console.page.Html;
import io.readstate.domain.model.ChannelId;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConsoleServletTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final FakeConsoleBackend BACKEND = new FakeConsoleBackend();
    private static final ConsoleHistory HISTORY = new ConsoleHistory();
    private static RunningConsole console;
    private static String token;

    @BeforeAll
    static void serve() throws Exception {
        Instant start = Instant.parse("2026-11-26T18:50:00Z");
        for (int i = 0; i < 60; i++) {
            HISTORY.record(aSnapshot().at(start.plusSeconds(5L * i)).lag(100L * i, 10L * i).build());
        }
        console = RunningConsole.serve(
                new ConsoleServlet(BACKEND, HISTORY, ConsoleTemplates.engine(), "test secret"), 0);
        token = new CsrfGuard("test secret").token();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    @BeforeEach
    void healthyBackend() {
        BACKEND.showing(aSnapshot().build());
        BACKEND.flushes().clear();
        BACKEND.rehydrated().clear();
    }

    @Test
    void the_page_is_served_with_its_figures_and_safe_headers() throws Exception {
        HttpResponse<String> page = get("/console");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'self'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(Html.textOf(page.body(), "lag")).isEqualTo("1.2 s");
        assertThat(Html.textOf(page.body(), "backlog")).isEqualTo("12,345");
        assertThat(get("/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void the_data_is_valid_json_with_the_snapshot_and_the_chart_series() throws Exception {
        HttpResponse<String> data = get("/console/data");

        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode json = JSON.readTree(data.body());
        assertThat(json.at("/figures/lag").asText()).isEqualTo("1.2 s");
        assertThat(json.at("/snapshot/backlog").asLong()).isEqualTo(12_345);
        assertThat(json.at("/snapshot/coalescingRatio").asDouble()).isEqualTo(8.4);
        assertThat(json.at("/health/0/name").asText()).isEqualTo("redis");
        assertThat(json.at("/history/t")).hasSize(60);
        assertThat(json.at("/history/lagSeconds/59").asDouble()).isEqualTo(5.9);
        assertThat(json.at("/history/backlog/59").asLong()).isEqualTo(590);
        assertThat(json.at("/history/windowSeconds").asLong()).isEqualTo(900);
    }

    @Test
    void the_charting_library_and_the_console_script_are_served_from_the_classpath() throws Exception {
        HttpResponse<String> uplot = get("/console/assets/uPlot.iife.min.js");
        HttpResponse<String> css = get("/console/assets/uPlot.min.css");
        HttpResponse<String> script = get("/console/assets/console.js");

        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(uplot.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(css.body()).contains(".uplot");
        assertThat(script.body()).contains("/data");
        assertThat(get("/console/assets/console.css").statusCode()).isEqualTo(200);
    }

    @Test
    void unknown_paths_and_paths_out_of_the_assets_are_not_found() throws Exception {
        assertThat(get("/console/assets/../../templates/console/page.html").statusCode()).isIn(400, 404);
        assertThat(get("/console/assets/META-INF/MANIFEST.MF").statusCode()).isEqualTo(404);
        assertThat(get("/console/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void flush_now_from_the_page_script_answers_json_and_flushes_once() throws Exception {
        HttpResponse<String> answer = post("/console/flush", "csrf=" + token, console.origin(), "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.get("ok").asBoolean()).isTrue();
        assertThat(json.get("summary").asText()).startsWith("Flushed 1,024 rows");
        assertThat(BACKEND.flushes()).hasSize(1);
    }

    @Test
    void flush_now_from_a_plain_form_redirects_to_the_page_which_shows_the_result() throws Exception {
        HttpResponse<String> answer = post("/console/flush", "csrf=" + token, console.origin(), "text/html");

        assertThat(answer.statusCode()).isEqualTo(303);
        String location = answer.headers().firstValue("Location").orElseThrow();
        Matcher outcome = Pattern.compile("/console\\?outcome=([0-9a-f]+)$").matcher(location);
        assertThat(outcome.find()).as(location).isTrue();
        String page = get("/console?outcome=" + outcome.group(1)).body();
        assertThat(Html.textOf(page, "flush-result")).startsWith("Flushed 1,024 rows");
        assertThat(Html.textOf(get("/console?outcome=forged").body(), "flush-result")).isEmpty();
    }

    @Test
    void a_post_without_the_token_is_refused_and_does_nothing() throws Exception {
        assertThat(post("/console/flush", "", console.origin(), "application/json").statusCode()).isEqualTo(403);
        assertThat(post("/console/flush", "csrf=wrong", null, "application/json").statusCode()).isEqualTo(403);
        assertThat(post("/console/rehydrate", "channel=general", console.origin(), "text/html").statusCode())
                .isEqualTo(403);

        assertThat(BACKEND.flushes()).isEmpty();
        assertThat(BACKEND.rehydrated()).isEmpty();
    }

    @Test
    void a_post_from_another_origin_is_refused_even_with_the_token() throws Exception {
        HttpResponse<String> answer = post("/console/flush", "csrf=" + token, "https://evil.example", "application/json");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(BACKEND.flushes()).isEmpty();
    }

    @Test
    void rehydrate_takes_the_channel_from_the_form() throws Exception {
        HttpResponse<String> answer = post("/console/rehydrate", "csrf=" + token + "&channel=team%3Aops",
                console.origin(), "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("summary").asText()).isEqualTo("Rehydrated team:ops: 42 members, head 1,204");
        assertThat(BACKEND.rehydrated()).containsExactly(ChannelId.of("team:ops"));
    }

    @Test
    void rehydrate_with_an_invalid_channel_says_why_and_does_nothing() throws Exception {
        HttpResponse<String> answer = post("/console/rehydrate",
                "csrf=" + token + "&channel=" + URLEncoder.encode("<bad id>", StandardCharsets.UTF_8),
                console.origin(), "application/json");

        assertThat(answer.statusCode()).isEqualTo(422);
        JsonNode json = JSON.readTree(answer.body());
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("summary").asText()).contains("channelId");
        assertThat(BACKEND.rehydrated()).isEmpty();
    }

    @Test
    void actions_answer_only_to_post() throws Exception {
        HttpResponse<String> answer = get("/console/flush");

        assertThat(answer.statusCode()).isEqualTo(405);
        assertThat(BACKEND.flushes()).isEmpty();
    }

    @Test
    void a_lookup_answers_an_html_fragment_with_the_verdict() throws Exception {
        HttpResponse<String> answer = get("/console/lookup?channel=general&user=alice");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<section id=\"lookup-result\"").doesNotContain("<html");
        assertThat(Html.tagOf(answer.body(), "lookup-verdict")).contains("data-verdict=\"AGREE\"");
        assertThat(get("/console/lookup?channel=" + URLEncoder.encode("<x>", StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(422);
    }

    @Test
    void the_lookup_form_without_script_shows_the_result_on_the_page() throws Exception {
        HttpResponse<String> page = get("/console?channel=general&user=alice");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Html.tagOf(page.body(), "lookup-verdict")).contains("data-verdict=\"AGREE\"");
        assertThat(Html.tagOf(page.body(), "lookup-user")).contains("value=\"alice\"");
    }

    @Test
    void with_a_store_down_the_page_and_the_data_still_answer_and_say_so() throws Exception {
        BACKEND.showing(aSnapshot().health(Health.up("redis", "PONG"), Health.down("postgres", "Connection refused"),
                Health.down("sync-lag", "lag 95 s passes the limit of 30 s")).build());

        HttpResponse<String> page = get("/console");
        JsonNode data = JSON.readTree(get("/console/data").body());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Connection refused");
        assertThat(data.at("/health/1/state").asText()).isEqualTo("down");
        assertThat(data.at("/health/1/message").asText()).isEqualTo("Connection refused");
    }

    @Test
    void a_backend_whose_snapshot_throws_still_gets_a_page_and_valid_data() throws Exception {
        BACKEND.failingSnapshotsWith(new IllegalStateException("Unable to connect to Redis <127.0.0.1:6379>"));

        HttpResponse<String> page = get("/console");
        HttpResponse<String> data = get("/console/data");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(Html.textOf(page.body(), "problem-message"))
                .contains("Unable to connect to Redis &lt;127.0.0.1:6379&gt;");
        assertThat(data.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(data.body());
        assertThat(json.get("snapshot").isNull()).isTrue();
        assertThat(json.get("problem").asText()).contains("Unable to connect to Redis <127.0.0.1:6379>");
        assertThat(json.at("/history/t")).hasSize(60);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(console.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form, String origin, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(console.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
