package dk.vaerdig.letters.internal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The analyser without LanguageTool on 1 MB of Danish letters, one thread (one core). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AnalyserBenchmark {

	static final int SIZE = 1_000_000;

	String text;

	PlainLanguageAnalyser analyser;

	@Setup
	public void setUp() {
		text = DanishCorpus.text(SIZE, 7);
		analyser = ShippedDictionary.analyser();
	}

	@Benchmark
	public Analysis analyseOneMegabyte() {
		return analyser.analyse(text, LetterCategory.DECISION);
	}

	static double megabytes() {
		return DanishCorpus.text(SIZE, 7).getBytes(StandardCharsets.UTF_8).length / 1_000_000.0;
	}
}
