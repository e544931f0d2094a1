package io.readstate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.util.Duration;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.Test;

/** The config.yml at the top of the repository, read as the service reads it, with a given environment. */
class ShippedConfigurationTest {

    private static final String CONFIG = Path.of(System.getProperty("user.dir")).resolveSibling("config.yml").toString();

    private static ReadstateConfiguration read(Map<String, String> environment) throws Exception {
        YamlConfigurationFactory<ReadstateConfiguration> factory = new YamlConfigurationFactory<>(
                ReadstateConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        return factory.build(new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new StringSubstitutor(environment)), CONFIG);
    }

    @Test
    void with_no_environment_it_runs_write_behind_on_an_embedded_redis_and_postgres() throws Exception {
        ReadstateConfiguration config = read(Map.of());

        assertThat(config.getMode()).isEqualTo(Mode.WRITE_BEHIND);
        assertThat(config.getDatabase().isEmbedded()).isTrue();
        assertThat(config.getDatabase().getPartitions()).isEqualTo(16);
        assertThat(config.getFlush().getInterval()).isEqualTo(Duration.seconds(1));
        assertThat(config.getWindowSize()).isEqualTo(10_000);
        assertThat(config.getRedis().getUrl()).isNullOrEmpty();
        assertThat(config.getRedis().getKeyPrefix()).isEqualTo("rs:");
        assertThat(config.getRedis().getTimeout()).isEqualTo(Duration.seconds(2));
        assertThat(config.getAuth().getApiTokens()).isNullOrEmpty();
        assertThat(config.getAuth().getAdminUser()).isEqualTo("admin");
        assertThat(config.getAuth().getAdminPassword()).isNullOrEmpty();
    }

    @Test
    void the_api_listens_on_8080_and_the_admin_port_on_loopback_8081_without_default_error_mappers() throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) read(Map.of()).getServerFactory();
        HttpConnectorFactory api = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        HttpConnectorFactory admin = (HttpConnectorFactory) server.getAdminConnectors().get(0);

        assertThat(api.getPort()).isEqualTo(8080);
        assertThat(admin.getPort()).isEqualTo(8081);
        assertThat(admin.getBindHost()).isEqualTo("127.0.0.1");
        assertThat(server.getRegisterDefaultExceptionMappers()).isFalse();
    }

    @Test
    void the_environment_sets_ports_redis_mode_and_secrets() throws Exception {
        ReadstateConfiguration config = read(Map.of("HTTP_PORT", "9090", "ADMIN_PORT", "9091",
                "REDIS_URL", "redis://cache:6379", "READSTATE_MODE", "cache-only",
                "READSTATE_API_TOKENS", "a,b", "READSTATE_ADMIN_USER", "ops", "READSTATE_ADMIN_PASSWORD", "pw"));
        DefaultServerFactory server = (DefaultServerFactory) config.getServerFactory();

        assertThat(((HttpConnectorFactory) server.getApplicationConnectors().get(0)).getPort()).isEqualTo(9090);
        assertThat(((HttpConnectorFactory) server.getAdminConnectors().get(0)).getPort()).isEqualTo(9091);
        assertThat(config.getRedis().getUrl()).isEqualTo("redis://cache:6379");
        assertThat(config.getAuth().getApiTokens()).isEqualTo("a,b");
        assertThat(config.getAuth().adminCredentials().user()).isEqualTo("ops");
    }

    @Test
    void a_mode_that_does_not_exist_stops_the_start_naming_the_allowed_modes() {
        assertThatThrownBy(() -> read(Map.of("READSTATE_MODE", "write-around")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("write-behind, write-through, cache-only");
    }

    @Test
    void the_environment_chooses_the_mode_the_database_and_the_flush_interval() throws Exception {
        ReadstateConfiguration config = read(Map.of("READSTATE_MODE", "write-through",
                "DATABASE_URL", "jdbc:postgresql://db.example:5432/readstate", "FLUSH_INTERVAL", "250ms"));

        assertThat(config.getMode()).isEqualTo(Mode.WRITE_THROUGH);
        assertThat(config.getDatabase().getUrl()).isEqualTo("jdbc:postgresql://db.example:5432/readstate");
        assertThat(config.getDatabase().isEmbedded()).isFalse();
        assertThat(config.getFlush().getInterval()).isEqualTo(Duration.milliseconds(250));
    }

    @Test
    void the_environment_sets_how_many_partitions_each_table_gets() throws Exception {
        assertThat(read(Map.of("DATABASE_PARTITIONS", "64")).getDatabase().getPartitions()).isEqualTo(64);
    }

    @Test
    void a_partition_count_outside_1_to_1024_stops_the_start_naming_the_range() {
        for (String count : new String[] {"0", "1025"}) {
            assertThatThrownBy(() -> read(Map.of("DATABASE_PARTITIONS", count)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("database.partitions must be between 1 and 1024");
        }
    }

    @Test
    void the_request_log_is_off_unless_the_environment_gives_its_appenders() throws Exception {
        assertThat(requestLog(Map.of()).getAppenders()).isEmpty();
        assertThat(requestLog(Map.of("READSTATE_REQUEST_LOG", "[{type: console}]")).getAppenders())
                .singleElement().isInstanceOf(ConsoleAppenderFactory.class);
    }

    private static LogbackAccessRequestLogFactory requestLog(Map<String, String> environment) throws Exception {
        DefaultServerFactory server = (DefaultServerFactory) read(environment).getServerFactory();
        return (LogbackAccessRequestLogFactory) server.getRequestLogFactory();
    }
}
