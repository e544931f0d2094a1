package io.readstate.console.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads rendered HTML in tests: the text directly inside the element with an id, or its attributes. */
public final class Html {

    private Html() {
    }

    /** The text of the element with that id, up to its first child tag (as written, entities kept). */
    public static String textOf(String html, String id) {
        Matcher m = Pattern.compile("<[a-z0-9]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element with id " + id + " in:\n" + html);
        }
        return m.group(1).strip();
    }

    /** The opening tag of the element with that id. */
    public static String tagOf(String html, String id) {
        Matcher m = Pattern.compile("<[a-z0-9]+\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no element with id " + id + " in:\n" + html);
        }
        return m.group();
    }
}
