package io.readstate.app.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.domain.model.durable.SyncStatus;
import io.readstate.domain.port.StoreUnavailable;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /status} on the admin port: the mode, the write-behind backlog and lag,
 * the last flush and whether Redis is being rebuilt. 503 with the error shape when Redis
 * cannot be asked.
 */
public final class StatusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final String mode;
    private final transient Supplier<SyncStatus> status;
    private final transient BooleanSupplier recovering;
    private final transient ObjectMapper json;

    public StatusServlet(String mode, Supplier<SyncStatus> status, BooleanSupplier recovering, ObjectMapper json) {
        this.mode = mode;
        this.status = status;
        this.recovering = recovering;
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
            body.put("recovering", recovering.getAsBoolean());
        } catch (StoreUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            body.clear();
            body.put("code", "unavailable");
            body.put("message", "Redis cannot be reached, so the sync status is unknown");
            body.put("details", java.util.List.of());
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
