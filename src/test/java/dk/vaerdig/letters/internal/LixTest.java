package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * LIX by hand, by DESIGN.md's definition: LIX = words / sentences + 100 × long words / words; a word is a
 * whitespace-separated token with a letter or digit; a long word has more than six letters (punctuation and digits not
 * counted). The counts are in the comments, word by word.
 */
class LixTest {

	static TextStats stats(String text) {
		return TextStats.of(Tokenizer.tokenize(text));
	}

	@Test
	void anInvitationByHand() {
		// S1: Kære Anna                                               2 words, 0 long
		// S2: Vi vil gerne invitere(8) dig til en samtale(7)          8 words, 2 long
		// S3: Mødet er tirsdag(7) kl. 10.30 hos os  ("kl." abbrev.)   7 words, 1 long
		// S4: Ring til mig, hvis tiden ikke passer(6)                 7 words, 0 long
		// 24 words, 4 sentences, 3 long: 24/4 + 100*3/24 = 6 + 12.5 = 18.5
		TextStats s = stats("Kære Anna. Vi vil gerne invitere dig til en samtale. Mødet er tirsdag kl. 10.30 hos os. "
				+ "Ring til mig, hvis tiden ikke passer.");
		assertThat(s.words()).isEqualTo(24);
		assertThat(s.sentences()).isEqualTo(4);
		assertThat(s.longWords()).isEqualTo(3);
		assertThat(s.lix()).isCloseTo(18.5, within(1e-9));
		assertThat(s.band()).isEqualTo(TextStats.LixBand.VERY_EASY);
	}

	@Test
	void anOfficialDecisionByHand() {
		// S1: Jobcentret(10) har truffet(7) afgørelse(9) vedrørende(10) Deres ansøgning(9) om kontanthjælp(12)
		//     9 words, 6 long
		// S2: Afgørelsen(10) er truffet(7) i henhold(7) til lov om aktiv socialpolitik(13) § 11.
		//     "§" has no letter or digit: not a word; "11." is. 11 words, 4 long
		// 20 words, 2 sentences, 10 long: 20/2 + 100*10/20 = 10 + 50 = 60
		TextStats s = stats("Jobcentret har truffet afgørelse vedrørende Deres ansøgning om kontanthjælp. "
				+ "Afgørelsen er truffet i henhold til lov om aktiv socialpolitik § 11.");
		assertThat(s.words()).isEqualTo(20);
		assertThat(s.sentences()).isEqualTo(2);
		assertThat(s.longWords()).isEqualTo(10);
		assertThat(s.lix()).isCloseTo(60.0, within(1e-9));
		assertThat(s.band()).isEqualTo(TextStats.LixBand.VERY_HARD);
	}

	@Test
	void headingBulletsAbbreviationsAddressesAndDatesByHand() {
		// S1: Din samtale(7)       heading, blank line after                                 2 words, 1 long
		// S2: Du kan f.eks. tage dine papirer(7) med, bl.a. din lønseddel(9)                10 words, 2 long
		// S3: Du skal medbringe(9):                                                          3 words, 1 long
		// S4: - dit sygesikringskort(16)          list item: "-" is not a word               2 words, 1 long
		// S5: - din CV                            list item                                  2 words, 0 long
		// S6: Skriv til jobcenter@naestved.dk(19) eller se www.naestved.dk/job(16) den 12. januar 2026.
		//     "12." before a lower-case word does not end the sentence                      10 words, 2 long
		// 29 words, 6 sentences, 7 long: 29/6 + 100*7/29 = 4.8333 + 24.1379 = 28.9713
		TextStats s = stats("Din samtale\n\nDu kan f.eks. tage dine papirer med, bl.a. din lønseddel.\nDu skal medbringe:\n"
				+ "- dit sygesikringskort\n- din CV\nSkriv til jobcenter@naestved.dk eller se www.naestved.dk/job den 12. januar 2026.");
		assertThat(s.words()).isEqualTo(29);
		assertThat(s.sentences()).isEqualTo(6);
		assertThat(s.longWords()).isEqualTo(7);
		assertThat(s.sentenceLengths()).containsExactly(2, 10, 3, 2, 2, 10);
		assertThat(s.lix()).isCloseTo(29.0 / 6 + 700.0 / 29, within(1e-9));
		assertThat(s.lixRounded()).isEqualTo(29);
		assertThat(s.band()).isEqualTo(TextStats.LixBand.EASY);
	}

	@Test
	void theWordsOfSeed004ByHand() {
		// Hej, jeg hedder(6) Jørgen(6), og jeg er her for at hjælpe(6) og støtte(6) dig i at komme i arbejde(7)
		// igen – hvad kan jeg gøre for dig?     "–" is not a word
		// 26 words, 1 sentence, 1 long: 26/1 + 100*1/26 = 26 + 3.8462 = 29.8462
		TextStats s = stats("Hej, jeg hedder Jørgen, og jeg er her for at hjælpe og støtte dig i at komme i arbejde igen "
				+ "– hvad kan jeg gøre for dig?");
		assertThat(s.words()).isEqualTo(26);
		assertThat(s.sentences()).isEqualTo(1);
		assertThat(s.longWords()).isEqualTo(1);
		assertThat(s.lix()).isCloseTo(26 + 100.0 / 26, within(1e-9));
		assertThat(s.longSentences()).isEqualTo(1);
	}

	@Test
	void timesNumbersAndAbbreviationsAtTheEnd() {
		// S1: Mødet er kl. 10.30.    "10.30." ends it; "kl." does not     4 words, 0 long
		// S2: Det varer ca. en time.                                       5 words, 0 long
		// 9/2 + 0 = 4.5
		TextStats s = stats("Mødet er kl. 10.30. Det varer ca. en time.");
		assertThat(s.words()).isEqualTo(9);
		assertThat(s.sentences()).isEqualTo(2);
		assertThat(s.lix()).isCloseTo(4.5, within(1e-9));
	}

	@Test
	void aLineBrokenInTheMiddleOfASentenceDoesNotEndIt() {
		// As text from a PDF: "Borgerne mødes med værdighed og tro på, at de\nkan og vil i job eller uddannelse."
		// 1 sentence of 16 words; long: Borgerne(8) værdighed(9) uddannelse(10) = 3
		TextStats s = stats("Borgerne mødes med værdighed og tro på, at de\nkan og vil i job eller uddannelse.");
		assertThat(s.sentences()).isEqualTo(1);
		assertThat(s.words()).isEqualTo(16);
		assertThat(s.longWords()).isEqualTo(3);
	}

	@Test
	void aNumberedListAndAShortHeadingLineEndSentences() {
		// "Sådan gør du" heading (3 words, next line capital) | "1. Log ind på Jobnet" | "2. Skriv dit CV"
		// "1." and "2." contain digits: words; as list numbers they do not end a sentence themselves.
		TextStats s = stats("Sådan gør du\n1. Log ind på Jobnet\n2. Skriv dit CV\nVi ses.");
		assertThat(s.sentenceLengths()).containsExactly(3, 5, 4, 2);
	}

	@Test
	void questionMarksExclamationsAndColonsEndSentences() {
		TextStats s = stats("Har du spørgsmål? Ring! Du skal huske: dit CV.");
		assertThat(s.sentenceLengths()).containsExactly(3, 1, 3, 2);
	}

	@Test
	void anEmptyTextHasNoWordsAndLixZero() {
		assertThat(stats("").lix()).isZero();
		assertThat(stats("   \n\n – … ").words()).isZero();
		assertThat(stats(null).sentences()).isZero();
	}

	@Test
	void bandsFollowTheDesign() {
		assertThat(TextStats.LixBand.of(24)).isEqualTo(TextStats.LixBand.VERY_EASY);
		assertThat(TextStats.LixBand.of(25)).isEqualTo(TextStats.LixBand.EASY);
		assertThat(TextStats.LixBand.of(34)).isEqualTo(TextStats.LixBand.EASY);
		assertThat(TextStats.LixBand.of(35)).isEqualTo(TextStats.LixBand.MEDIUM);
		assertThat(TextStats.LixBand.of(45)).isEqualTo(TextStats.LixBand.HARD);
		assertThat(TextStats.LixBand.of(54)).isEqualTo(TextStats.LixBand.HARD);
		assertThat(TextStats.LixBand.of(55)).isEqualTo(TextStats.LixBand.VERY_HARD);
	}
}
