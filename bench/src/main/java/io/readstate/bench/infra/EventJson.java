package io.readstate.bench.infra;

import io.readstate.bench.workload.Event;
import java.util.List;

/** The API's request bodies for workload events (ids are plain names: nothing to escape). */
final class EventJson {

    private EventJson() {
    }

    static String message(Event.Message message) {
        StringBuilder json = new StringBuilder(96).append("{\"seq\":").append(message.seq())
                .append(",\"senderId\":\"").append(message.sender()).append("\",\"mentions\":[");
        List<String> mentions = message.mentions();
        for (int i = 0; i < mentions.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(mentions.get(i)).append('"');
        }
        return json.append("],\"mentionAll\":").append(message.mentionAll()).append('}').toString();
    }

    static String read(Event.Read read) {
        return "{\"userId\":\"" + read.user() + "\"}";
    }

    /** A {@code /v1/events} envelope; queries are not events and may not be in it. */
    static String batch(List<Event> events) {
        StringBuilder json = new StringBuilder(events.size() * 110).append("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            json.append(i == 0 ? "" : ",");
            Event event = events.get(i);
            if (event instanceof Event.Message message) {
                json.append("{\"type\":\"message\",\"channelId\":\"").append(message.channel()).append("\",")
                        .append(message(message), 1, message(message).length());
            } else if (event instanceof Event.Read read) {
                json.append("{\"type\":\"read\",\"channelId\":\"").append(read.channel()).append("\",\"userId\":\"")
                        .append(read.user()).append("\"}");
            } else {
                throw new IllegalArgumentException("/v1/events carries no queries: " + event);
            }
        }
        return json.append("]}").toString();
    }

    static String userIds(List<String> users) {
        StringBuilder json = new StringBuilder(users.size() * 10).append("{\"userIds\":[");
        for (int i = 0; i < users.size(); i++) {
            json.append(i == 0 ? "\"" : ",\"").append(users.get(i)).append('"');
        }
        return json.append("]}").toString();
    }
}
