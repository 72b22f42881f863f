package dk.vaerdig.employment.internal;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The benchmarks of the employment module ({@code mvn -B -Pbench compile exec:exec
 * -Dbench.main=dk.vaerdig.employment.internal.EmploymentBenchmarks}); prints p50, p95 and p99.
 */
public final class EmploymentBenchmarks {

	private EmploymentBenchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Options options = new OptionsBuilder().include(MatchingBenchmark.class.getName())
			.forks(1)
			.threads(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(5)
			.measurementTime(TimeValue.seconds(2))
			.jvmArgs("-Xmx1g")
			.build();
		Collection<RunResult> results = new Runner(options).run();
		for (RunResult r : results) {
			var stats = r.getPrimaryResult().getStatistics();
			System.out.printf("FIGURE %s: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d samples)%n",
					r.getParams().getBenchmark().replaceAll(".*\\.", ""), stats.getPercentile(50), stats.getPercentile(95),
					stats.getPercentile(99), stats.getN());
		}
	}
}
