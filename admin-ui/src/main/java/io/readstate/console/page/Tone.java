package io.readstate.console.page;

/** How a figure should look: fine, worth a glance, or wrong. The page styles them by these names. */
public final class Tone {

    public static final String OK = "ok";
    public static final String WARN = "warn";
    public static final String BAD = "bad";
    public static final String NEUTRAL = "neutral";

    private Tone() {
    }
}
