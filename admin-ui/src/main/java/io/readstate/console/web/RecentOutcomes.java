package io.readstate.console.web;

import io.readstate.console.page.ActionOutcome;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the last few actions, each under a random id, so that a form posted
 * without script can redirect to {@code /console?outcome=<id>} and the page shows what
 * happened. Nobody can make the page show a result that no action produced.
 */
final class RecentOutcomes {

    private static final int KEPT = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ActionOutcome> outcomes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ActionOutcome> eldest) {
            return size() > KEPT;
        }
    };

    synchronized String keep(ActionOutcome outcome) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String key = HexFormat.of().formatHex(id);
        outcomes.put(key, outcome);
        return key;
    }

    synchronized Optional<ActionOutcome> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(outcomes.get(id));
    }
}
