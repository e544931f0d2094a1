package io.readstate.console.web;

import io.readstate.console.ActionResult;
import io.readstate.console.ConsoleBackend;
import io.readstate.console.ConsoleHistory;
import io.readstate.console.ConsoleSnapshot;
import io.readstate.console.Health;
import io.readstate.console.Lookup;
import io.readstate.console.Readings;
import io.readstate.console.StoreReading;
import io.readstate.console.page.ConsoleTemplates;
import io.readstate.domain.model.ChannelId;
import io.readstate.domain.model.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves the console with a simulated service, to look at it in a browser:
 * {@code java ... io.readstate.console.web.ConsoleDemo [port] [healthy|postgres-down]},
 * then open {@code http://127.0.0.1:<port>/console}. Not a test.
 */
public final class ConsoleDemo {

    private ConsoleDemo() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18081;
        boolean postgresDown = args.length > 1 && args[1].equals("postgres-down");
        SimulatedService service = new SimulatedService(postgresDown);
        ConsoleHistory history = new ConsoleHistory();
        Instant now = Instant.now();
        for (int i = 180; i > 0; i--) {
            history.record(service.at(now.minusSeconds(5L * i)));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(history.samplerOf(service), 0, 5, TimeUnit.SECONDS);
        RunningConsole console = RunningConsole.serve(
                new ConsoleServlet(service, history, ConsoleTemplates.engine(), "demo secret"), port);
        System.out.println("Console at " + console.origin() + "/console");
    }

    /** Numbers that move like a busy write-behind service's, or one whose database is down. */
    static final class SimulatedService implements ConsoleBackend {

        private final boolean postgresDown;
        private final Instant outageStart = Instant.now().minusSeconds(240);

        SimulatedService(boolean postgresDown) {
            this.postgresDown = postgresDown;
        }

        @Override
        public ConsoleSnapshot snapshot() {
            return at(Instant.now());
        }

        ConsoleSnapshot at(Instant t) {
            double s = t.getEpochSecond() + t.getNano() / 1e9;
            double wave = Math.sin(s / 97) * 0.5 + Math.sin(s / 23) * 0.3 + Math.sin(s / 7.3) * 0.2;
            boolean down = postgresDown && t.isAfter(outageStart);
            double outage = down ? (s - outageStart.getEpochSecond()) : 0;
            long lag = down ? (long) (outage * 1000) : (long) (1_100 + 450 * wave);
            long backlog = down ? (long) (14_000 + outage * 310) : (long) (11_800 + 2_600 * wave);
            Map<String, Double> rates = new LinkedHashMap<>();
            rates.put("message", 1_180 + 220 * wave);
            rates.put("read", 640 + 120 * Math.sin(s / 31));
            rates.put("join", 14.2);
            rates.put("leave", 3.1);
            rates.put("delete", 0.4);
            Instant lastFlush = down ? outageStart : t.minusMillis(1_700);
            List<Health> health = down
                    ? List.of(Health.up("redis", "PONG in 0.3 ms"),
                    Health.down("postgres", "Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct."),
                    Health.down("sync-lag", "lag " + lag / 1000 + " s passes the limit of 30 s"))
                    : List.of(Health.up("redis", "PONG in 0.3 ms"), Health.up("postgres", "SELECT 1 in 0.9 ms"),
                    Health.up("sync-lag", String.format("lag %.1f s, limit 30 s", lag / 1000.0)));
            return new ConsoleSnapshot(t, "write-behind", backlog, backlog / 37, lag, lastFlush, down ? 0 : 1_412,
                    down ? 0 : 86, down ? "PSQLException: Connection to 127.0.0.1:5432 refused" : null, 48_213_377,
                    down ? 0 : 34.8, down ? 0 : 1_412, 7.9, false, down ? lag + 1_500 : 3_400L, health, rates, null);
        }

        @Override
        public ActionResult flushNow() {
            return postgresDown
                    ? ActionResult.failed("Flush failed: PostgreSQL refused the connection; backlog left: 88,120")
                    : ActionResult.succeeded("Flushed 1,406 rows in 91 ms; backlog left: 0");
        }

        @Override
        public ActionResult rehydrate(ChannelId channel) {
            return ActionResult.succeeded("Rehydrated " + channel.value() + ": 1,204 messages, 42 members in 38 ms");
        }

        @Override
        public Lookup lookup(ChannelId channel, Optional<UserId> user) {
            StoreReading redis = Readings.channel(channel, 1_210, 42).withMember(user, 1_200, 10, 1);
            StoreReading postgres = postgresDown ? StoreReading.unreachable("Connection to 127.0.0.1:5432 refused")
                    : Readings.channel(channel, 1_204, 42).withMember(user, 1_200, 4, 1);
            return new Lookup(channel, user, redis, postgres, true);
        }
    }
}
