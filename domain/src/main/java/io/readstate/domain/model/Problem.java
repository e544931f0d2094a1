package io.readstate.domain.model;

/** One thing wrong with a request: the field it concerns and what is wrong with it. */
public record Problem(String field, String problem) {
}
