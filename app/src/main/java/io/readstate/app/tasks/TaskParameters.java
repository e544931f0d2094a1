package io.readstate.app.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.readstate.app.api.ApiException;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.InvalidInput;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a task's parameters before the task runs, and answers 422 {@code validation_failed}
 * with what is wrong instead, in the API's error shape (as the admin password check does):
 * Dropwizard's task servlet answers any failure of a task with 500, and a task ignores what
 * it does not know, so {@code /tasks/rehydrate?chanel=general} (misspelled) would rebuild
 * every channel. {@code flush} takes no parameter; {@code rehydrate} takes
 * one {@code channel}, a valid channel id.
 */
public final class TaskParameters implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The parameters each task takes, by its path under /tasks. */
    private static final Map<String, Set<String>> TAKES = Map.of(
            "/" + FlushTask.NAME, Set.of(),
            "/" + RehydrateTask.NAME, Set.of(RehydrateTask.CHANNEL));

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> problem = problem(((HttpServletRequest) request).getPathInfo(), request.getParameterMap());
        if (problem.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ApiException refused = ApiException.validationFailed(problem.get(), List.of());
        HttpServletResponse http = (HttpServletResponse) response;
        http.setStatus(refused.status());
        http.setContentType("application/json");
        JSON.writeValue(http.getOutputStream(), refused.body());
    }

    /**
     * What is wrong with the parameters of the task at {@code path}, if anything (a path that
     * names no task is left to the task servlet, which answers 404).
     */
    static Optional<String> problem(String path, Map<String, String[]> parameters) {
        Set<String> takes = path == null ? null : TAKES.get(path);
        if (takes == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!takes.contains(name)) {
                return Optional.of("unknown parameter '" + name + "': " + path.substring(1) + " takes "
                        + (takes.isEmpty() ? "none" : String.join(", ", takes)) + "; nothing was done");
            }
            if (parameter.getValue().length != 1) {
                return Optional.of(name + ": give it once; nothing was done");
            }
        }
        String[] channel = parameters.get(RehydrateTask.CHANNEL);
        if (channel != null) {
            try {
                ChannelId.of(channel[0]);
            } catch (InvalidInput invalid) {
                return Optional.of(invalid.getMessage().replaceFirst("^channelId", RehydrateTask.CHANNEL)
                        + "; nothing was done");
            }
        }
        return Optional.empty();
    }
}
