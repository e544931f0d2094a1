package io.readstate.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line: {@code --quick} or {@code --full}; {@code --scale} for the scale-out
 * rows alone (with the steps of {@code --full}, or of {@code --quick} when given too);
 * {@code --url URL [--token T] [--admin-url U --admin-password P]} to measure a service
 * already running instead of starting one per mode; {@code --out DIR};
 * {@code --service-jar PATH}; {@code --postgres HOST:PORT} and {@code --postgres-user USER};
 * {@code --keep-databases}.
 */
public record Options(Profile profile, boolean scale, Optional<String> url, Optional<String> token,
                      Optional<String> adminUrl, Optional<String> adminPassword, Path out, Path serviceJar,
                      String postgres, String postgresUser, boolean keepDatabases) {

    static final String USAGE = """
            usage: java -jar bench/target/readstate-bench.jar (--quick | --full) [--out DIR] [--service-jar PATH]
                       [--postgres HOST:PORT] [--postgres-user USER] [--keep-databases]
                   java -jar bench/target/readstate-bench.jar --scale [--quick] [--out DIR] [--service-jar PATH]
                       [--postgres HOST:PORT] [--postgres-user USER] [--keep-databases]
                   java -jar bench/target/readstate-bench.jar (--quick | --full) --url URL [--token TOKEN]
                       [--admin-url URL --admin-password PASSWORD]
              Run from the project's root (it starts app/target/readstate.jar with config.yml).""";

    static Options parse(String[] args) {
        Profile profile = null;
        boolean scale = false;
        String url = null;
        String token = System.getenv("READSTATE_API_TOKENS") == null ? null
                : System.getenv("READSTATE_API_TOKENS").split(",")[0].trim();
        String adminUrl = null;
        String adminPassword = null;
        Path out = null;
        Path jar = Path.of("app/target/readstate.jar");
        String postgres = "127.0.0.1:5432";
        String user = "postgres";
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> profile = Profile.quick();
                case "--full" -> profile = Profile.full();
                case "--scale" -> scale = true;
                case "--url" -> url = value(args, ++i);
                case "--token" -> token = value(args, ++i);
                case "--admin-url" -> adminUrl = value(args, ++i);
                case "--admin-password" -> adminPassword = value(args, ++i);
                case "--out" -> out = Path.of(value(args, ++i));
                case "--service-jar" -> jar = Path.of(value(args, ++i));
                case "--postgres" -> postgres = value(args, ++i);
                case "--postgres-user" -> user = value(args, ++i);
                case "--keep-databases" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (profile == null && scale) {
            profile = Profile.full();
        }
        if (profile == null) {
            throw new IllegalArgumentException("say --quick, --full or --scale\n" + USAGE);
        }
        if (scale && url != null) {
            throw new IllegalArgumentException("--scale starts the services it measures: it takes no --url\n" + USAGE);
        }
        if (url != null && token == null) {
            throw new IllegalArgumentException("--url needs --token (or READSTATE_API_TOKENS)\n" + USAGE);
        }
        return new Options(profile, scale, Optional.ofNullable(url), Optional.ofNullable(token), Optional.ofNullable(adminUrl),
                Optional.ofNullable(adminPassword), out == null ? profile.defaultOut() : out, jar, postgres, user, keep);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
