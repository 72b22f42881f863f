package dk.vaerdig.employment.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Matching at national scale, in memory: the top 20 of 50,000 candidates for one opening (all of them scored, as if
 * every candidate had a profile in the opening's occupation group), and the top 20 of 20,000 openings for one
 * candidate. Sample time, so JMH reports percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchingBenchmark {

	static final String[] CODES = { "7212", "7211", "7233", "5120", "5131", "5321", "5322", "9333", "8344", "4321",
			"9112", "7115", "9313", "8332", "5223", "4110" };

	static final Map<String, double[]> CENTRES = Map.of("4700", new double[] { 55.2299, 11.7609 }, "4100",
			new double[] { 55.4426, 11.7900 }, "4000", new double[] { 55.6415, 12.0803 }, "4600",
			new double[] { 55.4580, 12.1820 }, "4200", new double[] { 55.4028, 11.3546 }, "4760",
			new double[] { 55.0085, 11.9106 }, "4690", new double[] { 55.3234, 11.9634 }, "1000",
			new double[] { 55.6786, 12.5750 });

	List<Matching.Profile> candidates;

	List<Matching.Job> openings;

	Matching.Job opening;

	Matching.Profile candidate;

	Geography geography;

	@Setup
	public void setUp() {
		Random random = new Random(2026);
		String[] postals = CENTRES.keySet().toArray(String[]::new);
		candidates = new ArrayList<>(50_000);
		for (int i = 0; i < 50_000; i++) {
			candidates.add(new Matching.Profile(i, "K" + i, Set.of(CODES[random.nextInt(CODES.length)]),
					Set.of(CODES[random.nextInt(CODES.length)]), 15 + random.nextInt(23), postals[random.nextInt(postals.length)],
					10 + random.nextInt(60), random.nextInt(8) == 0));
		}
		openings = new ArrayList<>(20_000);
		for (int i = 0; i < 20_000; i++) {
			openings.add(new Matching.Job(i, "Job " + i, "Firma " + (i % 500), CODES[random.nextInt(CODES.length)],
					random.nextInt(10) == 0 ? "FLEXJOB" : "ORDINARY", 15 + random.nextInt(23), postals[random.nextInt(postals.length)],
					random.nextBoolean(), random.nextInt(3) == 0));
		}
		opening = openings.get(0);
		candidate = candidates.get(0);
		geography = Geography.of(new HashMap<>(CENTRES));
	}

	@Benchmark
	public List<Matching.Ranked<Matching.Profile>> top20CandidatesOf50000() {
		return Matching.topCandidates(candidates, opening, geography, 20);
	}

	@Benchmark
	public List<Matching.Ranked<Matching.Job>> top20OpeningsOf20000() {
		return Matching.topJobs(candidate, openings, geography, 20);
	}
}
