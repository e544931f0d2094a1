package io.readstate.console.web;

import static io.readstate.console.web.Replies.plain;
import static io.readstate.console.web.Replies.send;

import io.readstate.console.ActionResult;
import io.readstate.console.ConsoleBackend;
import io.readstate.console.ConsoleHistory;
import io.readstate.console.page.ActionOutcome;
import io.readstate.console.page.ConsolePage;
import io.readstate.console.page.LookupView;
import io.readstate.console.page.PageContent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.thymeleaf.ITemplateEngine;

/**
 * The operator console, mounted at {@code /console/*} on the admin port behind the service's
 * basic auth: {@code GET /console} the page, {@code GET /console/data} its live figures as
 * JSON, {@code GET /console/lookup?channel=&user=} a lookup result (an HTML fragment),
 * {@code GET /console/assets/<name>} its script, styles and charting library, and the actions
 * {@code POST /console/flush} and {@code POST /console/rehydrate} (form field {@code channel}),
 * each guarded by {@link CsrfGuard}. An action posted by the page's script
 * ({@code Accept: application/json}) answers {@code {"action", "ok", "summary"}}; a plain form
 * post is redirected back to the page, which shows the result.
 */
public final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient ConsoleActions actions;
    private final transient ConsoleHistory history;
    private final transient ConsolePage page;
    private final transient CsrfGuard csrf;
    private final transient ConsoleAssets assets = new ConsoleAssets();
    private final transient RecentOutcomes outcomes = new RecentOutcomes();

    public ConsoleServlet(ConsoleBackend backend, ConsoleHistory history, ITemplateEngine engine, String csrfSecret) {
        this(backend, history, engine, csrfSecret, Clock.systemUTC());
    }

    ConsoleServlet(ConsoleBackend backend, ConsoleHistory history, ITemplateEngine engine, String csrfSecret,
                   Clock clock) {
        this.actions = new ConsoleActions(backend, clock);
        this.history = history;
        this.page = new ConsolePage(engine);
        this.csrf = new CsrfGuard(csrfSecret);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.applyTo(response);
        String path = pathOf(request);
        switch (path) {
            case "/" -> page(request, response);
            case "/data" -> data(response);
            case "/lookup" -> lookup(request, response);
            case "/flush", "/rehydrate" -> {
                response.setHeader("Allow", "POST");
                plain(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Use POST.");
            }
            default -> asset(path, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.applyTo(response);
        String path = pathOf(request);
        if (!path.equals("/flush") && !path.equals("/rehydrate")) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
            return;
        }
        Optional<String> rejection = csrf.rejectionOf(FormSubmission.from(request));
        if (rejection.isPresent()) {
            plain(response, HttpServletResponse.SC_FORBIDDEN, "Refused: " + rejection.get() + ". Nothing was done.");
            return;
        }
        if (path.equals("/flush")) {
            answer(request, response, new ActionOutcome(ActionOutcome.FLUSH, actions.flush()), HttpServletResponse.SC_OK);
            return;
        }
        try {
            ChannelId channel = ChannelId.of(ConsoleActions.trimmed(request.getParameter("channel")));
            answer(request, response, new ActionOutcome(ActionOutcome.REHYDRATE, actions.rehydrate(channel)),
                    HttpServletResponse.SC_OK);
        } catch (InvalidInput e) {
            answer(request, response, new ActionOutcome(ActionOutcome.REHYDRATE, ActionResult.failed(e.getMessage())),
                    Replies.UNPROCESSABLE);
        }
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageContent content = PageContent.of(baseOf(request), csrf.token(), actions.current().view())
                .withOutcome(outcomes.find(request.getParameter("outcome")));
        String channel = request.getParameter("channel");
        if (channel != null) {
            String user = request.getParameter("user");
            content = content.withLookup(ConsoleActions.echo(channel), ConsoleActions.echo(user),
                    actions.lookup(channel, user));
        }
        StringWriter html = new StringWriter();
        page.render(content, html);
        send(response, HttpServletResponse.SC_OK, Replies.HTML, html.toString());
    }

    private void data(HttpServletResponse response) throws IOException {
        ConsoleActions.Current now = actions.current();
        String json = ConsoleData.json(now.view(), now.snapshot(), history.snapshots(), history.window().toSeconds());
        send(response, HttpServletResponse.SC_OK, Replies.JSON, json);
    }

    private void lookup(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LookupView lookup = actions.lookup(request.getParameter("channel"), request.getParameter("user"));
        StringWriter html = new StringWriter();
        page.renderLookup(lookup, html);
        int status = lookup.error() == null ? HttpServletResponse.SC_OK : Replies.UNPROCESSABLE;
        send(response, status, Replies.HTML, html.toString());
    }

    private void asset(String path, HttpServletResponse response) throws IOException {
        Optional<ConsoleAssets.Asset> asset = path.startsWith("/assets/")
                ? assets.named(path.substring("/assets/".length())) : Optional.empty();
        if (asset.isEmpty()) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
            return;
        }
        send(response, HttpServletResponse.SC_OK, asset.get().contentType(), asset.get().bytes());
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ActionOutcome outcome, int status)
            throws IOException {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("application/json")) {
            send(response, status, Replies.JSON, JsonEncoder.encode(Map.of("action", outcome.action(),
                    "ok", outcome.result().ok(), "summary", outcome.result().summary())));
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", baseOf(request) + "?outcome=" + outcomes.keep(outcome));
    }

    private static String pathOf(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null || path.isEmpty() ? "/" : path;
    }

    private static String baseOf(HttpServletRequest request) {
        return request.getContextPath() + request.getServletPath();
    }
}
