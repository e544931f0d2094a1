package io.readstate.app.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.hibernate.validator.constraints.Range;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;

/**
 * Where the durable state lives: {@code url} (a JDBC URL) with {@code user} and
 * {@code password}; with no URL, an embedded PostgreSQL keeping its data under
 * {@code embeddedDataDirectory}. Builds the Jdbi (registering the health check
 * {@code postgres}) and migrates the schema, hash-partitioning each table by channel into
 * {@code partitions} partitions when it first partitions them.
 */
public class DatabaseFactory {

    public static final String CHANGELOG = "db/readstate-changelog.sql";

    private String url = "";
    private String user = "";
    private String password = "";
    @NotNull
    private String embeddedDataDirectory = "data/postgres";
    @NotNull
    private Duration connectTimeout = Duration.seconds(2);
    private int maxConnections = 16;
    @Range(min = 1, max = 1024)
    private int partitions = 16;

    private DataSourceFactory dataSource;

    @JsonProperty
    public String getUrl() {
        return url;
    }

    @JsonProperty
    public void setUrl(String url) {
        this.url = url == null ? "" : url.trim();
    }

    @JsonProperty
    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    @JsonProperty
    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    @JsonProperty
    public String getEmbeddedDataDirectory() {
        return embeddedDataDirectory;
    }

    @JsonProperty
    public void setEmbeddedDataDirectory(String embeddedDataDirectory) {
        this.embeddedDataDirectory = embeddedDataDirectory;
    }

    @JsonProperty
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @JsonProperty
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** How many hash partitions each table gets; read only when the tables are first partitioned. */
    @JsonProperty
    public int getPartitions() {
        return partitions;
    }

    @JsonProperty
    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public boolean isEmbedded() {
        return url.isEmpty();
    }

    /**
     * The pool settings, starting the embedded server first when no URL is configured
     * (once; the migrations command calls this too).
     */
    public synchronized DataSourceFactory dataSourceFactory() {
        if (dataSource == null) {
            String jdbcUrl = isEmbedded() ? EmbeddedPostgresServer.start(Path.of(embeddedDataDirectory)) : url;
            DataSourceFactory factory = new DataSourceFactory();
            factory.setDriverClass("org.postgresql.Driver");
            factory.setUrl(jdbcUrl);
            factory.setUser(isEmbedded() ? "postgres" : user);
            factory.setPassword(isEmbedded() ? "" : password);
            factory.setMinSize(1);
            factory.setInitialSize(1);
            factory.setMaxSize(maxConnections);
            factory.setMaxWaitForConnection(connectTimeout);
            factory.setValidationQuery("SELECT 1");
            factory.setValidationQueryTimeout(connectTimeout);
            factory.setCheckConnectionOnBorrow(true);
            factory.setAutoCommitByDefault(true);
            // JIT off: the planner costs a join into a partitioned table as if it probed every
            // partition, which lifts millisecond queries over jit_above_cost, and compiling
            // them takes hundreds of milliseconds.
            factory.setProperties(Map.of(
                    "connectTimeout", Long.toString(Math.max(1, connectTimeout.toSeconds())),
                    "socketTimeout", "60",
                    "ApplicationName", "readstate",
                    "options", "-c jit=off"));
            dataSource = factory;
        }
        return dataSource;
    }

    /**
     * The Jdbi over a managed pool (with the health check {@code postgres}), after the
     * schema has been migrated.
     */
    public Jdbi build(Environment environment) {
        if (isEmbedded()) {
            environment.lifecycle().manage(new EmbeddedPostgresServer.Shutdown());
        }
        DataSourceFactory settings = dataSourceFactory();
        SchemaMigration.migrate(settings.getUrl(), settings.getUser(), settings.getPassword(), partitions);
        Jdbi jdbi = new JdbiFactory().build(environment, settings, "postgres");
        jdbi.installPlugin(new PostgresPlugin());
        return jdbi;
    }

    /** Where the database is, for the log: host, port and database, never the password. */
    public String describe() {
        String jdbcUrl = dataSourceFactory().getUrl();
        try {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String where = uri.getHost() + ":" + uri.getPort() + uri.getPath();
            return isEmbedded() ? "an embedded PostgreSQL at " + where + " (data in " + embeddedDataDirectory + ")"
                    : "PostgreSQL at " + where;
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return "a database whose URL could not be read";
        }
    }
}
