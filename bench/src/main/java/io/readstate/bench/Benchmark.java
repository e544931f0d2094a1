package io.readstate.bench;

import io.readstate.bench.infra.AdminClient;
import io.readstate.bench.infra.Postgres;
import io.readstate.bench.load.Progress;
import io.readstate.bench.report.ResultsReport;
import io.readstate.bench.report.ScaleReport;
import io.readstate.bench.run.ExternalRun;
import io.readstate.bench.run.FullRun;
import io.readstate.bench.run.Results;
import io.readstate.bench.run.ScaleResults;
import io.readstate.bench.run.ScaleRun;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark behind the seed's comparison table. {@code --full} or {@code --quick}
 * starts Readstate once per mode (and everything it needs) and measures each on the same
 * workload, then writes results.md, steps.csv and the charts; {@code --scale} measures
 * write-behind on one Redis and on a Redis Cluster with one and three instances, and
 * writes the Scale-out section of results.md. It exits non-zero when anything failed.
 * Without a leading option it is the older {@link LoadDriver}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && !args[0].startsWith("--")) {
            LoadDriver.main(args);
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try (Progress progress = new Progress()) {
            List<String> problems = options.scale() ? scale(options, progress) : compare(options, progress);
            problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
            status = problems.isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("The benchmark failed:");
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static List<String> compare(Options options, Progress progress) throws Exception {
        Results results = run(options, progress);
        ResultsReport.write(results, options.out());
        progress.say("results in %s (results.md, steps.csv, charts); took %d s", options.out(),
                results.took().toSeconds());
        return results.problems();
    }

    private static List<String> scale(Options options, Progress progress) throws Exception {
        ScaleResults results = ScaleRun.run(options.profile(), postgres(options), options.serviceJar(),
                options.keepDatabases(), progress);
        ScaleReport.write(results, options.out());
        progress.say("results in %s (the Scale-out section of results.md, scale-steps.csv); took %d s", options.out(),
                results.took().toSeconds());
        return results.problems();
    }

    private static Postgres postgres(Options options) {
        return new Postgres(options.postgres(), options.postgresUser());
    }

    private static Results run(Options options, Progress progress) throws Exception {
        if (options.url().isPresent()) {
            Optional<AdminClient> admin = options.adminUrl().map(url -> new AdminClient(url, "admin",
                    options.adminPassword().orElse("")));
            return ExternalRun.run(options.profile(), options.url().get(), options.token().orElseThrow(), admin, progress);
        }
        return FullRun.run(options.profile(), postgres(options), options.serviceJar(), options.keepDatabases(),
                progress);
    }
}
