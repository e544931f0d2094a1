package io.readstate.bench.run;

import java.util.ArrayList;
import java.util.List;

/** What went wrong during a run: the run goes on and writes its results, then exits non-zero. */
public final class Checks {

    private final List<String> problems = new ArrayList<>();

    public synchronized void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            System.out.println("PROBLEM: " + problem);
        }
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }
}
