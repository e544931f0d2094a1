package io.readstate.app;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.readstate.adapters.postgres.PostgresCheckpoint;
import io.readstate.adapters.postgres.PostgresDurableState;
import io.readstate.adapters.postgres.PostgresReadState;
import io.readstate.adapters.redis.RedisChangeTracker;
import io.readstate.adapters.redis.RedisHotStateRestorer;
import io.readstate.adapters.redis.RedisKeys;
import io.readstate.adapters.redis.RedisReadState;
import io.readstate.adapters.redis.RedisRecovery;
import io.readstate.app.api.PathParameterFilter;
import io.readstate.app.api.RequestBodies;
import io.readstate.app.api.RequestSizeLimit;
import io.readstate.app.auth.AdminBasicAuthFilter;
import io.readstate.app.auth.AdminCredentials;
import io.readstate.app.auth.ApiTokens;
import io.readstate.app.auth.RandomSecret;
import io.readstate.app.auth.BearerTokenFilter;
import io.readstate.app.errors.ApiExceptionMapper;
import io.readstate.app.errors.InvalidInputMapper;
import io.readstate.app.errors.JsonErrorHandler;
import io.readstate.app.errors.RedisExceptionMapper;
import io.readstate.app.errors.StoreUnavailableMapper;
import io.readstate.app.errors.UnexpectedExceptionMapper;
import io.readstate.app.errors.WebApplicationExceptionMapper;
import io.readstate.app.console.ServiceConsoleBackend;
import io.readstate.app.db.SchemaMigrationsBundle;
import io.readstate.app.health.NotUsedHealthCheck;
import io.readstate.app.health.RedisHealthCheck;
import io.readstate.app.health.SyncLagHealthCheck;
import io.readstate.app.metrics.CompilationGauge;
import io.readstate.app.metrics.CountedEvents;
import io.readstate.app.metrics.SyncGauges;
import io.readstate.app.status.StatusServlet;
import io.readstate.app.status.SyncStatusSource;
import io.readstate.app.tasks.FlushTask;
import io.readstate.app.tasks.RehydrateTask;
import io.readstate.app.tasks.TaskParameters;
import io.readstate.app.writebehind.Flusher;
import io.readstate.app.writebehind.RecoveryWorker;
import io.readstate.app.redis.RedisFactory;
import io.readstate.app.resources.ChannelResource;
import io.readstate.app.resources.EventsResource;
import io.readstate.app.resources.MemberResource;
import io.readstate.app.resources.MessageResource;
import io.readstate.app.resources.ReadResource;
import io.readstate.app.resources.ReceiptsResource;
import io.readstate.app.resources.UnreadResource;
import io.readstate.domain.usecase.AddMembers;
import io.readstate.domain.usecase.ApplyEvents;
import io.readstate.domain.usecase.DeleteMessage;
import io.readstate.console.ConsoleHistory;
import io.readstate.console.page.ConsoleTemplates;
import io.readstate.console.web.ConsoleServlet;
import io.readstate.domain.port.LoadDurableState;
import io.readstate.domain.port.RecordChannelEvents;
import io.readstate.domain.usecase.EventRecorder;
import io.readstate.domain.usecase.FlushChanges;
import io.readstate.domain.usecase.RehydrateChannels;
import io.readstate.domain.usecase.WriteThrough;
import io.readstate.domain.usecase.JoinChannel;
import io.readstate.domain.usecase.LeaveChannel;
import io.readstate.domain.usecase.ListReceipts;
import io.readstate.domain.usecase.MarkChannelRead;
import io.readstate.domain.usecase.PostMessage;
import io.readstate.domain.usecase.ShowChannel;
import io.readstate.domain.usecase.ShowMemberState;
import io.readstate.domain.usecase.SummarizeUnread;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-state service: the HTTP API over the read state in Redis, PostgreSQL behind it
 * (write-behind or write-through), the flusher, the admin tasks and checks. Everything is wired here.
 */
public class ReadstateApplication extends Application<ReadstateConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadstateApplication.class);
    private static final String NETTY_LEAK_DETECTION = "io.netty.leakDetection.level";

    /**
     * Netty (under Redisson) watches a sample of its buffers for leaks by recording where
     * each was made: stack traces that took about 3% of the service's CPU under load. Off
     * unless {@code -Dio.netty.leakDetection.level} asks for it (to hunt a leak).
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty(NETTY_LEAK_DETECTION) == null) {
            System.setProperty(NETTY_LEAK_DETECTION, "disabled");
        }
        new ReadstateApplication().run(args);
    }

    @Override
    public String getName() {
        return "readstate";
    }

    @Override
    public void initialize(Bootstrap<ReadstateConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.addBundle(new SchemaMigrationsBundle());
    }

    @Override
    public void run(ReadstateConfiguration configuration, Environment environment) {
        Mode mode = configuration.getMode();
        int window = configuration.getWindowSize();
        Clock clock = Clock.systemUTC();
        RedisFactory redis = configuration.getRedis();
        RedissonClient redisson = redis.build(environment);
        RedisKeys keys = new RedisKeys(redis.getKeyPrefix());
        boolean writeBehind = mode == Mode.WRITE_BEHIND;
        AdminCredentials admin = configuration.getAuth().adminCredentials();
        ApiTokens apiTokens = configuration.getAuth().buildApiTokens();

        Optional<Jdbi> jdbi = mode.isDurable() ? Optional.of(configuration.getDatabase().build(environment))
                : Optional.empty();
        Optional<LoadDurableState> durable = jdbi.map(PostgresDurableState::new);
        RedisRecovery recovery = new RedisRecovery(redisson, keys, durable, writeBehind, mode == Mode.WRITE_THROUGH);
        recovery.beginEpochIfMissing();
        RedisReadState hot = new RedisReadState(recovery, keys, window, writeBehind);
        Optional<RehydrateChannels> rehydrate = durable.map(store -> new RehydrateChannels(store,
                new RedisHotStateRestorer(recovery, keys, writeBehind)));
        RecordChannelEvents events = mode == Mode.WRITE_THROUGH
                ? new WriteThrough(new PostgresReadState(jdbi.orElseThrow(), window), hot, rehydrate.orElseThrow())
                : hot;
        EventRecorder recorder = new EventRecorder(new CountedEvents(events, environment.metrics()), clock);

        Optional<RedisChangeTracker> tracker = writeBehind
                ? Optional.of(new RedisChangeTracker(recovery, keys, configuration.getFlush().getLease().toJavaDuration()))
                : Optional.empty();
        Optional<Flusher> flusher = tracker.map(changes -> configuration.getFlush().build(new FlushChanges(changes,
                new PostgresCheckpoint(jdbi.orElseThrow()), clock, configuration.getFlush().getChannelsPerBatch(),
                configuration.getFlush().getEntriesPerBatch()), environment));
        SyncStatusSource syncStatus = tracker.map(SyncStatusSource::of).orElseGet(SyncStatusSource::nothingToSync);
        LOG.info("Readstate runs in mode {}: state in Redis at {} (key prefix '{}'), {}; counting a window of {} "
                + "messages per channel{}", mode, redis.describeAddress(), redis.getKeyPrefix(),
                mode.isDurable() ? "durable in " + configuration.getDatabase().describe()
                        : "nothing kept in PostgreSQL", window,
                writeBehind ? ", flushing every " + configuration.getFlush().getInterval() : "");

        RequestBodies bodies = new RequestBodies();
        environment.jersey().register(new BearerTokenFilter(apiTokens));
        environment.jersey().register(new PathParameterFilter());
        environment.jersey().register(new RequestSizeLimit(RequestBodies.MAX_BYTES));
        environment.jersey().register(new ChannelResource(new ShowChannel(hot)));
        environment.jersey().register(new MemberResource(new JoinChannel(recorder), new AddMembers(recorder),
                new LeaveChannel(recorder), new ShowMemberState(hot), bodies));
        environment.jersey().register(new MessageResource(new PostMessage(recorder), new DeleteMessage(recorder), bodies));
        environment.jersey().register(new ReadResource(new MarkChannelRead(recorder), bodies));
        environment.jersey().register(new UnreadResource(new SummarizeUnread(hot)));
        environment.jersey().register(new ReceiptsResource(new ListReceipts(hot)));
        environment.jersey().register(new EventsResource(new ApplyEvents(recorder), bodies));
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new InvalidInputMapper());
        environment.jersey().register(new StoreUnavailableMapper());
        environment.jersey().register(new RedisExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));

        SyncGauges.register(environment.metrics(), syncStatus);
        CompilationGauge.register(environment.metrics());
        environment.healthChecks().register("redis", new RedisHealthCheck(redisson, redis.getTimeout()));
        environment.healthChecks().register("sync-lag",
                new SyncLagHealthCheck(syncStatus, configuration.getFlush().getSyncLagLimit().toJavaDuration()));
        if (!mode.isDurable()) {
            environment.healthChecks().register("postgres", new NotUsedHealthCheck("PostgreSQL is not used in mode " + mode));
        }
        environment.admin().addTask(new FlushTask(flusher, syncStatus));
        rehydrate.ifPresent(channels -> environment.admin().addTask(new RehydrateTask(channels, flusher)));
        environment.lifecycle().manage(new RecoveryWorker(recovery,
                environment.lifecycle().scheduledExecutorService("redis-recovery").threads(1).build()));
        environment.admin().addServlet("status", new StatusServlet(mode.toString(), syncStatus, recovery::loss,
                environment.getObjectMapper())).addMapping("/status");
        ServiceConsoleBackend console = new ServiceConsoleBackend(mode, syncStatus, recovery::loss, flusher, tracker,
                rehydrate, hot,
                jdbi.map(db -> new PostgresReadState(db, window)), environment.healthChecks(), environment.metrics());
        ConsoleHistory history = new ConsoleHistory();
        environment.lifecycle().scheduledExecutorService("console-history").threads(1).build()
                .scheduleAtFixedRate(history.samplerOf(console), 0, 5, TimeUnit.SECONDS);
        environment.admin().addServlet("console", new ConsoleServlet(console, history, ConsoleTemplates.engine(),
                RandomSecret.generate())).addMapping("/console/*");
        environment.admin().addFilter("admin-auth", new AdminBasicAuthFilter(admin))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*", "/console/*");
        environment.admin().addFilter("task-parameters", new TaskParameters())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
    }
}
