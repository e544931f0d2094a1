package io.readstate.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.ChannelSummary;
import io.readstate.domain.model.MemberState;
import io.readstate.domain.model.Outcome;
import io.readstate.domain.model.Readers;
import io.readstate.domain.model.UserId;
import io.readstate.domain.rules.InMemoryReadState;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The checker: what the service answers for every channel, every member of every
 * channel, every user's unread totals and every channel's receipts at its head, next to
 * what the reference rules ({@link InMemoryReadState}) give for a list of acknowledged
 * events. Both are rendered as one line per answer, so that a difference reads plainly.
 * A join's time is the server's (the reference does not know it): where the expected
 * {@code lastReadAt} is unknown it is not compared.
 */
final class StateCheck {

    /** The contract's default window. */
    static final int WINDOW = 10_000;
    private static final String UNKNOWN_TIME = "lastReadAt=*";

    private final List<String> channels;
    private final List<String> users;

    StateCheck(List<String> channels, List<String> users) {
        this.channels = List.copyOf(channels);
        this.users = List.copyOf(users);
    }

    static StateCheck of(Workload... workloads) {
        List<String> channels = new ArrayList<>();
        List<String> users = new ArrayList<>();
        for (Workload workload : workloads) {
            channels.addAll(workload.channels());
            workload.users().stream().filter(user -> !users.contains(user)).forEach(users::add);
        }
        return new StateCheck(channels, users);
    }

    /** Where the reference and the service part: the longest prefix of the events that the service still shows. */
    record Loss(int matchedPrefix, long lostChanges) {
    }

    /** The service's answers, one line each. */
    SortedMap<String, String> observe(ServiceClient service) throws IOException {
        SortedMap<String, String> answers = new TreeMap<>();
        for (String channel : channels) {
            ServiceClient.Answer summary = service.get("/v1/channels/" + channel);
            long head = 0;
            if (summary.status() == 200) {
                JsonNode json = summary.json();
                head = json.path("headSeq").asLong();
                answers.put("channel " + channel, channelLine(head, json.path("memberCount").asLong(),
                        instant(json.path("lastMessageAt"))));
            } else {
                answers.put("channel " + channel, summary.status() == 404 ? "unknown" : unexpected(summary));
            }
            for (String user : users) {
                ServiceClient.Answer member = service.get("/v1/channels/" + channel + "/members/" + user);
                answers.put("member " + channel + " " + user, member.status() == 200 ? memberLine(member.json())
                        : member.status() == 404 ? "not a member" : unexpected(member));
            }
            if (head > 0) {
                ServiceClient.Answer receipts = service.get("/v1/channels/" + channel + "/receipts?seq=" + head
                        + "&limit=1000");
                answers.put("receipts " + channel, receipts.status() == 200 ? receiptsLine(receipts.json())
                        : unexpected(receipts));
            }
        }
        for (String user : users) {
            ServiceClient.Answer unread = service.get("/v1/users/" + user + "/unread?include=all");
            answers.put("unread " + user, unread.status() == 200 ? unreadLine(unread.json()) : unexpected(unread));
        }
        return answers;
    }

    /**
     * Fails, listing the differences and the loss, unless the service answers exactly what
     * the rules give for the acknowledged events.
     */
    void assertShowsExactly(ServiceClient service, List<ChatEvent> acknowledged, String when) throws IOException {
        SortedMap<String, String> observed = observe(service);
        List<String> differences = differences(expect(acknowledged), observed);
        if (!differences.isEmpty()) {
            String loss = lossAgainst(acknowledged, observed)
                    .map(l -> l.lostChanges() + " acknowledged changes lost (the service shows the first "
                            + l.matchedPrefix() + " of " + acknowledged.size() + " acknowledged events)")
                    .orElse("the service shows no prefix of the acknowledged events");
            throw new AssertionError(when + ": " + differences.size() + " answers differ from the rules; " + loss + ":\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(25, differences.size()))));
        }
    }

    /** What the reference rules answer after the events. */
    SortedMap<String, String> expect(List<ChatEvent> events) {
        InMemoryReadState rules = new InMemoryReadState(WINDOW);
        events.forEach(event -> rules.record(List.of(event.rule())));
        return snapshot(rules);
    }

    /** How many of the events from {@code from} on changed something (applied, all events applied in order). */
    static long changesFrom(List<ChatEvent> events, int from) {
        InMemoryReadState rules = new InMemoryReadState(WINDOW);
        long changes = 0;
        for (int i = 0; i < events.size(); i++) {
            Outcome outcome = rules.record(List.of(events.get(i).rule())).get(0);
            if (i >= from && outcome.applied()) {
                changes++;
            }
        }
        return changes;
    }

    /**
     * The longest prefix of the acknowledged events whose expected state the service
     * shows, and how many changes the events after it made (the changes lost); empty when
     * the service shows no prefix at all (something else than a loss).
     */
    Optional<Loss> lossAgainst(List<ChatEvent> acknowledged, SortedMap<String, String> observed) {
        InMemoryReadState rules = new InMemoryReadState(WINDOW);
        List<Boolean> applied = new ArrayList<>(acknowledged.size());
        int matched = differences(snapshot(rules), observed).isEmpty() ? 0 : -1;
        for (int i = 0; i < acknowledged.size(); i++) {
            applied.add(rules.record(List.of(acknowledged.get(i).rule())).get(0).applied());
            if (differences(snapshot(rules), observed).isEmpty()) {
                matched = i + 1;
            }
        }
        if (matched < 0) {
            return Optional.empty();
        }
        long lost = applied.subList(matched, applied.size()).stream().filter(Boolean::booleanValue).count();
        return Optional.of(new Loss(matched, lost));
    }

    /** Every answer that differs, as "what: expected X, service Y". */
    static List<String> differences(SortedMap<String, String> expected, SortedMap<String, String> observed) {
        List<String> differences = new ArrayList<>();
        TreeMap<String, String> all = new TreeMap<>(expected);
        observed.forEach(all::putIfAbsent);
        for (String key : all.keySet()) {
            String want = expected.get(key);
            String got = observed.get(key);
            if (want == null || got == null || !same(want, got)) {
                differences.add(key + ": expected " + want + ", service " + got);
            }
        }
        return differences;
    }

    private static boolean same(String expected, String observed) {
        if (expected.contains(UNKNOWN_TIME)) {
            return expected.equals(observed.replaceAll("lastReadAt=\\S+", UNKNOWN_TIME));
        }
        return expected.equals(observed);
    }

    private SortedMap<String, String> snapshot(InMemoryReadState rules) {
        SortedMap<String, String> answers = new TreeMap<>();
        for (String channel : channels) {
            ChannelId id = ChannelId.of(channel);
            Optional<ChannelSummary> summary = rules.channel(id);
            answers.put("channel " + channel, summary.map(s -> channelLine(s.headSeq(), s.memberCount(),
                    s.lastMessageAt() == null ? "null" : s.lastMessageAt().toString())).orElse("unknown"));
            for (String user : users) {
                answers.put("member " + channel + " " + user, rules.member(id, UserId.of(user))
                        .map(StateCheck::memberLine).orElse("not a member"));
            }
            if (summary.isPresent() && summary.get().headSeq() > 0) {
                long head = summary.get().headSeq();
                Readers readers = rules.readers(id, head).orElseThrow();
                List<String> readBy = readers.userIds().stream().map(UserId::value).sorted().toList();
                answers.put("receipts " + channel, receiptsLine(head, readBy.size(), readers.memberCount(), readBy));
            }
        }
        for (String user : users) {
            List<MemberState> memberships = rules.memberships(UserId.of(user));
            long unread = memberships.stream().mapToLong(MemberState::unread).sum();
            long mentions = memberships.stream().mapToLong(MemberState::mentions).sum();
            List<String> in = memberships.stream().map(state -> state.channelId().value()).sorted().toList();
            answers.put("unread " + user, unreadLine(unread, mentions, in));
        }
        return answers;
    }

    private static String channelLine(long head, long memberCount, String lastMessageAt) {
        return "headSeq=" + head + " memberCount=" + memberCount + " lastMessageAt=" + lastMessageAt;
    }

    private static String memberLine(MemberState state) {
        String lastReadAt = state.lastReadAt() == null ? "null"
                : state.lastReadAt().equals(ChatEvent.UNKNOWN_TIME) ? "*" : state.lastReadAt().toString();
        return memberLine(state.unread(), state.unreadCapped(), state.mentions(), state.lastReadSeq(), state.headSeq(),
                lastReadAt);
    }

    private static String memberLine(JsonNode json) {
        return memberLine(json.path("unread").asLong(), json.path("unreadCapped").asBoolean(),
                json.path("mentions").asLong(), json.path("lastReadSeq").asLong(), json.path("headSeq").asLong(),
                instant(json.path("lastReadAt")));
    }

    private static String memberLine(long unread, boolean capped, long mentions, long lastReadSeq, long head,
                                     String lastReadAt) {
        return "unread=" + unread + " unreadCapped=" + capped + " mentions=" + mentions + " lastReadSeq=" + lastReadSeq
                + " headSeq=" + head + " lastReadAt=" + lastReadAt;
    }

    private static String receiptsLine(JsonNode json) {
        List<String> readBy = new ArrayList<>();
        json.path("readBy").forEach(user -> readBy.add(user.asText()));
        return receiptsLine(json.path("seq").asLong(), json.path("readCount").asLong(), json.path("memberCount").asLong(),
                readBy);
    }

    private static String receiptsLine(long seq, long readCount, long memberCount, List<String> readBy) {
        return "seq=" + seq + " readCount=" + readCount + " memberCount=" + memberCount + " readBy=" + readBy;
    }

    private static String unreadLine(JsonNode json) {
        List<String> in = new ArrayList<>();
        json.path("channels").forEach(state -> in.add(state.path("channelId").asText()));
        in.sort(null);
        return unreadLine(json.path("totalUnread").asLong(), json.path("totalMentions").asLong(), in);
    }

    private static String unreadLine(long unread, long mentions, List<String> channels) {
        return "totalUnread=" + unread + " totalMentions=" + mentions + " channels=" + channels;
    }

    /** An instant as the reference renders it (the service may write trailing zero milliseconds). */
    private static String instant(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "null";
        }
        try {
            return Instant.parse(value.asText()).toString();
        } catch (DateTimeParseException e) {
            return value.asText();
        }
    }

    private static String unexpected(ServiceClient.Answer answer) {
        return "status " + answer.status() + " " + answer.body();
    }
}
