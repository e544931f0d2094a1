package io.readstate.app.health;

import com.codahale.metrics.health.HealthCheck;

/** Stands for a check whose store this mode does not use, saying so. */
public final class NotUsedHealthCheck extends HealthCheck {

    private final String why;

    public NotUsedHealthCheck(String why) {
        this.why = why;
    }

    @Override
    protected Result check() {
        return Result.healthy(why);
    }
}
