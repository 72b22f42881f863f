package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property-style tests: texts generated from a seeded random source (so a failure can be repeated from its seed),
 * checked for what must hold on every input. The analyser never fails, and its findings, counts and score stay in range.
 */
class AnalyserPropertiesTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static final String[] WORDS = { "du", "vi", "De", "Dem", "Deres", "kan", "skal", "sendes", "bliver", "indkaldt",
			"foretage", "en", "vurdering", "med", "henblik", "på", "f.eks.", "bl.a.", "kl.", "10.30", "12.", "januar",
			"§", "11", "stk.", "2", "jobcenter@næstved.dk", "www.naestved.dk/job", "borgeren", "afgørelse", "klage",
			"Ankestyrelsen", "4", "uger", "–", "-", "•", "1.", "beskæftigelsesindsatsen", "æøå", "ÆØÅ", "Hej", "ring",
			"\"citat.\"", "(parentes)", ":", "?", "!", "...", "i henhold til", "undertegnede" };

	static final String[] SEPARATORS = { " ", " ", " ", ". ", ", ", "\n", "\n\n", "\t", "? ", ": ", "\r\n", "  " };

	static final String PUNCTUATION = " .:!?\n-•§@/";

	static Stream<Long> seeds() {
		return LongStream.range(0, 300).boxed();
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void neverFailsOnDanishLikeText(long seed) {
		Random random = new Random(seed);
		StringBuilder text = new StringBuilder();
		int n = random.nextInt(400);
		for (int i = 0; i < n; i++) {
			text.append(WORDS[random.nextInt(WORDS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
		}
		checkInvariants(text.toString(), LetterCategory.values()[random.nextInt(LetterCategory.values().length)]);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void neverFailsOnRandomUnicode(long seed) {
		Random random = new Random(seed);
		int n = random.nextInt(2000);
		StringBuilder text = new StringBuilder(n);
		for (int i = 0; i < n; i++) {
			switch (random.nextInt(4)) {
				case 0 -> text.append((char) random.nextInt(0x10000)); // lone surrogates included
				case 1 -> text.appendCodePoint(0x1_0000 + random.nextInt(Character.MAX_CODE_POINT + 1 - 0x1_0000));
				case 2 -> text.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
				default -> text.append((char) ('a' + random.nextInt(26)));
			}
		}
		checkInvariants(text.toString(), LetterCategory.DECISION);
	}

	@Test
	void neverFailsOnEmptyBlankAndPunctuationOnlyText() {
		for (String text : new String[] { "", " ", "\n\n\n", ".", "...", "- - -", "§", ":", "\u0000", "\uD800", "f.eks." }) {
			checkInvariants(text, LetterCategory.DECISION);
		}
		assertThat(ANALYSER.analyse(null, null).stats().words()).isZero();
	}

	@Test
	void handlesTwoMegabytesOfText() {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder(2_100_000);
		while (text.length() < 2_000_000) {
			text.append(WORDS[random.nextInt(WORDS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
		}
		// Its speed is the JMH benchmark's to measure (README, "Performance"), not a timed unit test's.
		Analysis a = checkInvariants(text.toString(), LetterCategory.DECISION);
		assertThat(a.stats().words()).isGreaterThan(200_000);
	}

	@Test
	void oneHugeSentenceWithoutSpaces() {
		checkInvariants("a".repeat(1_000_000), LetterCategory.INFORMATION);
	}

	static Analysis checkInvariants(String text, LetterCategory category) {
		Analysis a = ANALYSER.analyse(text, category);
		TextStats s = a.stats();
		assertThat(s.sentences()).isLessThanOrEqualTo(s.words());
		assertThat(s.longWords()).isBetween(0, s.words());
		assertThat(s.lix()).isFinite().isGreaterThanOrEqualTo(0);
		assertThat(s.words() == 0 || s.sentences() > 0).as("every text with words has a sentence").isTrue();
		assertThat(java.util.Arrays.stream(s.sentenceLengths()).sum()).isEqualTo(s.words());
		assertThat(a.score()).isBetween(0, 100);
		assertThat("ABCDEF").contains(String.valueOf(a.grade()));
		assertThat(a.findings()).allSatisfy(f -> {
			assertThat(f.start()).isBetween(0, text.length());
			assertThat(f.end()).isBetween(f.start(), text.length());
			assertThat(f.messageKey()).startsWith("letters.rule.");
		});
		return a;
	}
}
