package io.readstate.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPostgresTest {

    @Test
    void a_new_database_has_the_schema() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        Integer tables = database.jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('channels','members','messages','mentions')")
                .mapTo(Integer.class).one());
        assertThat(tables).isEqualTo(4);
    }
}
