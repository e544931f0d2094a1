package io.readstate.app;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.readstate.adapters.redis.RedisKeys;
import io.readstate.adapters.redis.RedisReadState;
import io.readstate.app.api.RequestBodies;
import io.readstate.app.api.RequestSizeLimit;
import io.readstate.app.auth.ApiTokens;
import io.readstate.app.auth.BearerTokenFilter;
import io.readstate.app.errors.ApiExceptionMapper;
import io.readstate.app.errors.InvalidInputMapper;
import io.readstate.app.errors.JsonErrorHandler;
import io.readstate.app.errors.RedisExceptionMapper;
import io.readstate.app.errors.StoreUnavailableMapper;
import io.readstate.app.errors.UnexpectedExceptionMapper;
import io.readstate.app.errors.WebApplicationExceptionMapper;
import io.readstate.app.health.RedisHealthCheck;
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
import io.readstate.domain.usecase.EventRecorder;
import io.readstate.domain.usecase.JoinChannel;
import io.readstate.domain.usecase.LeaveChannel;
import io.readstate.domain.usecase.ListReceipts;
import io.readstate.domain.usecase.MarkChannelRead;
import io.readstate.domain.usecase.PostMessage;
import io.readstate.domain.usecase.ShowChannel;
import io.readstate.domain.usecase.ShowMemberState;
import io.readstate.domain.usecase.SummarizeUnread;
import java.time.Clock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The read-state service: the HTTP API over the read state in Redis. Everything is wired here. */
public class ReadstateApplication extends Application<ReadstateConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(ReadstateApplication.class);

    public static void main(String[] args) throws Exception {
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
    }

    @Override
    public void run(ReadstateConfiguration configuration, Environment environment) {
        RedisFactory redis = configuration.getRedis();
        RedissonClient redisson = redis.build(environment);
        RedisReadState store = new RedisReadState(redisson, new RedisKeys(redis.getKeyPrefix()), configuration.getWindowSize());
        EventRecorder recorder = new EventRecorder(store, Clock.systemUTC());
        RequestBodies bodies = new RequestBodies();
        ApiTokens apiTokens = configuration.getAuth().buildApiTokens();
        // made now so that a generated admin password is logged at start, not on first use
        configuration.getAuth().adminCredentials();
        LOG.info("Readstate runs in mode {}, with its state in Redis at {} under key prefix '{}', counting a window "
                + "of {} messages per channel", configuration.getMode(), redis.describeAddress(), redis.getKeyPrefix(),
                configuration.getWindowSize());

        environment.jersey().register(new BearerTokenFilter(apiTokens));
        environment.jersey().register(new RequestSizeLimit(RequestBodies.MAX_BYTES));
        environment.jersey().register(new ChannelResource(new ShowChannel(store)));
        environment.jersey().register(new MemberResource(new JoinChannel(recorder), new AddMembers(recorder),
                new LeaveChannel(recorder), new ShowMemberState(store), bodies));
        environment.jersey().register(new MessageResource(new PostMessage(recorder), new DeleteMessage(recorder), bodies));
        environment.jersey().register(new ReadResource(new MarkChannelRead(recorder), bodies));
        environment.jersey().register(new UnreadResource(new SummarizeUnread(store)));
        environment.jersey().register(new ReceiptsResource(new ListReceipts(store)));
        environment.jersey().register(new EventsResource(new ApplyEvents(recorder), bodies));
        environment.jersey().register(new ApiExceptionMapper());
        environment.jersey().register(new InvalidInputMapper());
        environment.jersey().register(new StoreUnavailableMapper());
        environment.jersey().register(new RedisExceptionMapper());
        environment.jersey().register(new WebApplicationExceptionMapper());
        environment.jersey().register(new UnexpectedExceptionMapper());
        environment.healthChecks().register("redis", new RedisHealthCheck(redisson, redis.getTimeout()));
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));
    }
}
