package io.readstate.adapters.redis;

/**
 * Seqs as the scripts keep them: 19-digit zero-padded decimal strings, whose
 * lexicographic order is their numeric order over the whole range up to 2^63-1.
 */
final class SeqText {

    private static final String ZEROES = "0000000000000000000";

    private SeqText() {
    }

    static String of(long seq) {
        String digits = Long.toString(seq);
        return ZEROES.substring(digits.length()) + digits;
    }

    static long parse(Object text) {
        return Long.parseLong((String) text);
    }
}
