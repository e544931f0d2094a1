package io.readstate.app.api;

import io.readstate.domain.model.Receipts;
import io.readstate.domain.model.UserId;
import java.util.List;

/** One page of the members who have read a message; {@code next} is the cursor of the following page, or null. */
public record ReceiptsResponse(String channelId, long seq, long readCount, long memberCount, List<String> readBy,
                               String next) {

    public static ReceiptsResponse of(Receipts receipts) {
        return new ReceiptsResponse(receipts.channelId().value(), receipts.seq(), receipts.readCount(),
                receipts.memberCount(), receipts.readBy().stream().map(UserId::value).toList(),
                receipts.next() == null ? null : receipts.next().value());
    }
}
