package io.readstate.app.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.adapters.redis.RedisRecovery;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.StoreUnavailable;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /status} on the admin port: the mode, the write-behind backlog and lag,
 * the last flush, whether Redis is being rebuilt, and (beyond the contract's fields) the
 * last loss of Redis's state with the age of the checkpoint it was rebuilt from. 503 with
 * the error shape when Redis cannot be asked.
 */
public final class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String mode;
    private final transient Supplier<SyncStatus> status;
    private final transient Supplier<RedisRecovery.Loss> loss;
    private final transient ObjectMapper json;

    public StatusServlet(String mode, Supplier<SyncStatus> status, Supplier<RedisRecovery.Loss> loss, ObjectMapper json) {
        this.mode = mode;
        this.status = status;
        this.loss = loss;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            SyncStatus now = status.get();
            body.put("mode", mode);
            body.put("backlog", now.backlog());
            body.put("lagMillis", now.lag().toMillis());
            body.put("lastFlushAt", now.lastFlushAt() == null ? null : now.lastFlushAt().toString());
            body.put("lastFlushRows", now.lastFlushRows());
            body.put("flushedRowsTotal", now.flushedRowsTotal());
            RedisRecovery.Loss lastLoss = loss.get();
            body.put("recovering", lastLoss.recovering());
            body.put("lastRedisLoss", lastLoss.detectedAt() == null ? null : lossReport(lastLoss));
        } catch (StoreUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            body.clear();
            body.put("code", "unavailable");
            body.put("message", "Redis cannot be reached, so the sync status is unknown");
            body.put("details", java.util.List.of());
        }
        json.writeValue(response.getOutputStream(), body);
    }

    /**
     * When Redis last lost its state and the checkpoint it was rebuilt from: the changes
     * made between the two were not in PostgreSQL and are lost.
     */
    private static Map<String, Object> lossReport(RedisRecovery.Loss loss) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("detectedAt", loss.detectedAt().toString());
        report.put("checkpointAt", loss.checkpointAt() == null ? null : loss.checkpointAt().toString());
        report.put("lostAfter", loss.lostAfter() == null ? null : loss.lostAfter().toString());
        report.put("checkpointAgeMillis", loss.checkpointAt() == null ? null
                : java.time.Duration.between(loss.checkpointAt(), loss.detectedAt()).toMillis());
        return report;
    }
}
