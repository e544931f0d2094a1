package io.readstate.bench.workload;

import java.util.List;

/** One operation of the workload: what a chat service would tell or ask Readstate. */
public sealed interface Event {

    /** A message posted to a channel; seqs increase per channel. */
    record Message(String channel, long seq, String sender, List<String> mentions, boolean mentionAll) implements Event {
    }

    /** A member opens a channel: it reads up to the head. */
    record Read(String channel, String user) implements Event {
    }

    /** A user's unread and mention totals over its channels (a query: it changes nothing). */
    record UnreadQuery(String user) implements Event {
    }
}
