package io.readstate.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.readstate.domain.model.ChannelEvent;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import io.readstate.domain.model.MemberLeft;
import io.readstate.domain.model.MessageDeleted;
import io.readstate.domain.model.UserId;
import java.util.HashSet;
import java.util.Set;

/**
 * One item of {@code POST /v1/events}: {@code "type"}, {@code "channelId"} and the fields
 * of the matching endpoint ({@code "userId"} for join and leave, {@code "seq"} for delete).
 */
public final class EventItem {

    private static final String TYPES = "message, read, join, leave, delete";

    private EventItem() {
    }

    /** The event the item describes; throws {@link InvalidInput} naming every problem found. */
    public static ChannelEvent read(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw InvalidInput.of("event", "must be a JSON object");
        }
        Problems problems = new Problems();
        String type = item.path("type").isTextual() ? item.get("type").textValue() : "";
        JsonObjectReader fields = JsonObjectReader.of(item, "event", fieldsOf(type, item), problems);
        fields.requiredText("type");
        String channelText = fields.requiredText("channelId");
        ChannelId channel = channelText == null ? null : problems.channelId(channelText);
        ChannelEvent event = switch (type) {
            case "message" -> MessageRequest.read(channel, fields);
            case "read" -> ReadRequest.read(channel, fields);
            case "join" -> JoinRequest.read(channel, fields.requiredUserId("userId"), fields);
            case "leave" -> leave(channel, fields);
            case "delete" -> delete(channel, fields);
            default -> unknownType(item, problems);
        };
        problems.throwIfAny();
        return event;
    }

    private static Set<String> fieldsOf(String type, JsonNode item) {
        Set<String> fields = new HashSet<>(Set.of("type", "channelId"));
        switch (type) {
            case "message" -> fields.addAll(MessageRequest.FIELDS);
            case "read" -> fields.addAll(ReadRequest.FIELDS);
            case "join" -> fields.addAll(Set.of("userId", "lastReadSeq"));
            case "leave" -> fields.add("userId");
            case "delete" -> fields.add("seq");
            default -> item.fieldNames().forEachRemaining(fields::add);
        }
        return fields;
    }

    private static MemberLeft leave(ChannelId channel, JsonObjectReader fields) {
        UserId user = fields.requiredUserId("userId");
        return fields.problems().any() ? null : new MemberLeft(channel, user);
    }

    private static MessageDeleted delete(ChannelId channel, JsonObjectReader fields) {
        long seq = fields.requiredSeq("seq");
        return fields.problems().any() ? null : new MessageDeleted(channel, seq);
    }

    private static ChannelEvent unknownType(JsonNode item, Problems problems) {
        if (item.path("type").isTextual()) {
            problems.add("type", "must be one of " + TYPES);
        }
        return null;
    }
}
