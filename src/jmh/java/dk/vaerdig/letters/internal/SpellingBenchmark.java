package dk.vaerdig.letters.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import dk.vaerdig.letters.LetterSettings;

/** The whole analysis of a one-page letter with LanguageTool's Danish check, after warm-up. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SpellingBenchmark {

	String[] letters;

	int next;

	PlainLanguageAnalyser analyser;

	SpellChecker spelling;

	@Setup
	public void setUp() {
		letters = new String[16];
		for (int i = 0; i < letters.length; i++) {
			letters[i] = DanishCorpus.onePage(i);
		}
		analyser = ShippedDictionary.analyser();
		spelling = new SpellChecker(new LetterSettings(true, 20_000, Duration.ofSeconds(30), 1, 1, 1, 1, 1, "outbox"));
		spelling.warm();
	}

	@Benchmark
	public Analysis analyseOnePageWithLanguageTool() {
		String text = letters[next++ & 15];
		return analyser.analyse(text, LetterCategory.DECISION).with(spelling.check(text));
	}
}
