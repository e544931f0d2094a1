package io.readstate.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.readstate.app.auth.AuthFactory;
import io.readstate.app.db.DatabaseFactory;
import io.readstate.app.writebehind.FlushFactory;
import io.readstate.app.redis.RedisFactory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The service's configuration ({@code config.yml}, with environment variables substituted). */
public class ReadstateConfiguration extends Configuration {

    @NotNull
    private Mode mode = Mode.WRITE_BEHIND;

    @Min(1)
    private int windowSize = 10_000;

    @Valid
    @NotNull
    private RedisFactory redis = new RedisFactory();

    @Valid
    @NotNull
    private AuthFactory auth = new AuthFactory();

    @Valid
    @NotNull
    private DatabaseFactory database = new DatabaseFactory();

    @Valid
    @NotNull
    private FlushFactory flush = new FlushFactory();

    @JsonProperty
    public DatabaseFactory getDatabase() {
        return database;
    }

    @JsonProperty
    public void setDatabase(DatabaseFactory database) {
        this.database = database;
    }

    @JsonProperty
    public FlushFactory getFlush() {
        return flush;
    }

    @JsonProperty
    public void setFlush(FlushFactory flush) {
        this.flush = flush;
    }

    @JsonProperty
    public Mode getMode() {
        return mode;
    }

    @JsonProperty
    public void setMode(Mode mode) {
        this.mode = mode;
    }

    /** How many of each channel's newest messages the counts cover. */
    @JsonProperty
    public int getWindowSize() {
        return windowSize;
    }

    @JsonProperty
    public void setWindowSize(int windowSize) {
        this.windowSize = windowSize;
    }

    @JsonProperty
    public RedisFactory getRedis() {
        return redis;
    }

    @JsonProperty
    public void setRedis(RedisFactory redis) {
        this.redis = redis;
    }

    @JsonProperty
    public AuthFactory getAuth() {
        return auth;
    }

    @JsonProperty
    public void setAuth(AuthFactory auth) {
        this.auth = auth;
    }
}
