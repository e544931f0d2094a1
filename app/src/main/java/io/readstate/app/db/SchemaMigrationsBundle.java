package io.readstate.app.db;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.readstate.app.ReadstateConfiguration;

/** {@code java -jar readstate.jar db migrate config.yml}: the same migrations the service applies at start. */
public final class SchemaMigrationsBundle extends MigrationsBundle<ReadstateConfiguration> {

    @Override
    public DataSourceFactory getDataSourceFactory(ReadstateConfiguration configuration) {
        return configuration.getDatabase().dataSourceFactory();
    }

    @Override
    public String getMigrationsFileName() {
        return DatabaseFactory.CHANGELOG;
    }
}
