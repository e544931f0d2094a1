package io.readstate.domain.model;

import java.util.List;

/**
 * Thrown when a value, id or command does not satisfy the contract; it carries every
 * problem found so that the caller can report them all at once. Nothing has changed
 * when it is thrown.
 */
public final class InvalidInput extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String problem) {
        return new InvalidInput(List.of(new Problem(field, problem)));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (Problem p : problems) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(p.field()).append(": ").append(p.problem());
        }
        return text.toString();
    }
}
