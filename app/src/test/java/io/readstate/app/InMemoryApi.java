package io.readstate.app;

import io.dropwizard.testing.junit5.ResourceExtension;
import io.readstate.app.api.RequestBodies;
import io.readstate.app.api.RequestSizeLimit;
import io.readstate.app.auth.ApiTokens;
import io.readstate.app.auth.BearerTokenFilter;
import io.readstate.app.errors.ApiExceptionMapper;
import io.readstate.app.errors.InvalidInputMapper;
import io.readstate.app.errors.RedisExceptionMapper;
import io.readstate.app.errors.StoreUnavailableMapper;
import io.readstate.app.errors.UnexpectedExceptionMapper;
import io.readstate.app.errors.WebApplicationExceptionMapper;
import io.readstate.app.resources.ChannelResource;
import io.readstate.app.resources.EventsResource;
import io.readstate.app.resources.MemberResource;
import io.readstate.app.resources.MessageResource;
import io.readstate.app.resources.ReadResource;
import io.readstate.app.resources.ReceiptsResource;
import io.readstate.app.resources.UnreadResource;
import io.readstate.domain.rules.InMemoryReadState;
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
import java.util.List;

/**
 * The resources, filters and mappers of the service, wired as in the application but
 * over {@link SwitchableStore} (in memory unless a test makes it fail) and a fixed clock.
 */
public final class InMemoryApi {

    public static final String TOKEN = "test-token";

    private final SwitchableStore store;
    private final ResourceExtension resources;

    public InMemoryApi(int windowSize, Clock clock) {
        this.store = new SwitchableStore(windowSize);
        EventRecorder recorder = new EventRecorder(store, clock);
        RequestBodies bodies = new RequestBodies();
        this.resources = ResourceExtension.builder()
                .setRegisterDefaultExceptionMappers(false)
                .addProvider(new BearerTokenFilter(new ApiTokens(List.of(TOKEN))))
                .addProvider(new RequestSizeLimit(RequestBodies.MAX_BYTES))
                .addResource(new ChannelResource(new ShowChannel(store)))
                .addResource(new MemberResource(new JoinChannel(recorder), new AddMembers(recorder),
                        new LeaveChannel(recorder), new ShowMemberState(store), bodies))
                .addResource(new MessageResource(new PostMessage(recorder), new DeleteMessage(recorder), bodies))
                .addResource(new ReadResource(new MarkChannelRead(recorder), bodies))
                .addResource(new UnreadResource(new SummarizeUnread(store)))
                .addResource(new ReceiptsResource(new ListReceipts(store)))
                .addResource(new EventsResource(new ApplyEvents(recorder), bodies))
                .addProvider(new ApiExceptionMapper())
                .addProvider(new InvalidInputMapper())
                .addProvider(new StoreUnavailableMapper())
                .addProvider(new RedisExceptionMapper())
                .addProvider(new WebApplicationExceptionMapper())
                .addProvider(new UnexpectedExceptionMapper())
                .setClientConfigurator(ApiClient::allowingRequestsWithoutBody)
                .build();
    }

    public ResourceExtension resources() {
        return resources;
    }

    public SwitchableStore store() {
        return store;
    }

    /** A fresh, empty state; returns it so that a test can look into it. */
    public InMemoryReadState reset() {
        return store.reset();
    }

    public ApiClient client() {
        return new ApiClient(resources::target, TOKEN);
    }
}
