package io.readstate.console.page;

import java.io.Writer;
import java.util.Locale;
import java.util.Set;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Renders the console page ({@code templates/console/page.html}) and its lookup fragment. */
public final class ConsolePage {

    /** How often the page's script asks for fresh data. */
    public static final int REFRESH_SECONDS = 5;

    private final ITemplateEngine engine;

    public ConsolePage(ITemplateEngine engine) {
        this.engine = engine;
    }

    public void render(PageContent content, Writer out) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("base", content.base());
        context.setVariable("refreshSeconds", REFRESH_SECONDS);
        context.setVariable("csrfToken", content.csrfToken());
        context.setVariable("view", content.view());
        context.setVariable("flush", content.resultOf(ActionOutcome.FLUSH));
        context.setVariable("rehydrate", content.resultOf(ActionOutcome.REHYDRATE));
        context.setVariable("lookup", content.lookup().orElse(null));
        context.setVariable("lookupChannel", content.lookupChannel());
        context.setVariable("lookupUser", content.lookupUser());
        engine.process("console/page", context, out);
    }

    /** Only the lookup result, for the page's script to put in place. */
    public void renderLookup(LookupView lookup, Writer out) {
        Context context = new Context(Locale.ROOT);
        context.setVariable("lookup", lookup);
        engine.process("console/lookup", Set.of("result"), context, out);
    }
}
