package io.readstate.app.db;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.readstate.app.ReadstateConfiguration;

/**
 * {@code java -jar readstate.jar db migrate config.yml}: the same migrations the service
 * applies at start, with the configured partition count. The bundle's commands build
 * their own Liquibase, which takes changelog parameters from system properties; that is
 * the one way to hand it the count.
 */
public final class SchemaMigrationsBundle extends MigrationsBundle<ReadstateConfiguration> {

    @Override
    public DataSourceFactory getDataSourceFactory(ReadstateConfiguration configuration) {
        System.setProperty(SchemaMigration.PARTITIONS, Integer.toString(configuration.getDatabase().getPartitions()));
        return configuration.getDatabase().dataSourceFactory();
    }

    @Override
    public String getMigrationsFileName() {
        return DatabaseFactory.CHANGELOG;
    }
}
