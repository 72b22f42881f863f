package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The breadth of the analyser and its false alarms (issue 14). */
class BreadthTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static List<String> found(String text) {
		return ANALYSER.analyse(text, LetterCategory.INFORMATION).findings().stream()
			.filter(f -> f.rule() == Rule.OFFICIALESE || f.rule() == Rule.DISEMPOWERING || f.rule() == Rule.FORMAL_ADDRESS
					|| f.rule() == Rule.NOMINALISATION)
			.map(f -> text.substring(f.start(), f.end()).toLowerCase(Locale.ROOT))
			.toList();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Vi har talt med dig herom.|herom",
			"Vi påtænker at stoppe din ydelse.|påtænker",
			"Du får lejlighed til at se sagen.|lejlighed til",
			"Svaret skal være os i hænde senest fredag.|være os i hænde",
			"De er forpligtet til at møde op.|er forpligtet til at",
			"Hvis du ikke møder op, mister du din ydelse.|mister du din",
			"Det er på eget ansvar.|på eget ansvar",
			"Vi gør opmærksom på, at fristen er kort.|vi gør opmærksom på",
			"Manglende overholdelse af fristen har betydning.|manglende overholdelse af",
			"Vi beder om henstand.|henstand",
			"Vi skriver angående din ansøgning.|angående",
			"Du bedes rette henvendelse, hvis du er uenig.|rette henvendelse",
			"Ring venligst til os i morgen.|venligst" })
	void findsThePhrasesTheIssueFoundMissing(String text, String phrase) {
		assertThat(found(text)).contains(phrase);
	}

	@Test
	void skoentIsOfficialeseOnlyAsAConjunction() {
		assertThat(found("Det er skønt, at du har fået job.")).doesNotContain("skønt");
		assertThat(found("Vejret er skønt i dag.")).doesNotContain("skønt");
		assertThat(found("Skønt du har ret, kan vi ikke hjælpe.")).contains("skønt");
	}

	@Test
	void anEnglishTextGetsANotDanishNotice() {
		String english = "Dear Anna, we have received your application and we will get back to you as soon as we can. "
				+ "Please call us if you have any questions about the meeting.";
		assertThat(ANALYSER.analyse(english, LetterCategory.SYSTEM).findings()).extracting(Finding::rule).contains(Rule.NOT_DANISH);
		String danish = "Kære Anna. Vi har modtaget din ansøgning, og vi vender tilbage til dig, så snart vi kan. "
				+ "Ring til os, hvis du har spørgsmål om mødet.";
		assertThat(ANALYSER.analyse(danish, LetterCategory.SYSTEM).findings()).extracting(Finding::rule).doesNotContain(Rule.NOT_DANISH);
	}

	@Test
	void aCprNumberInALetterGetsAWarning() {
		String text = "Vi har modtaget din ansøgning. Dit CPR-nummer er 010203-1234. Ring på 12 34 56 78.";
		List<Finding> cpr = ANALYSER.analyse(text, LetterCategory.SYSTEM).findings().stream().filter(f -> f.rule() == Rule.CPR_NUMBER).toList();
		assertThat(cpr).hasSize(1);
		assertThat(text.substring(cpr.get(0).start(), cpr.get(0).end())).isEqualTo("010203-1234");
		// a phone number, an amount or a case number is no CPR number
		assertThat(ANALYSER.analyse("Ring på 12 34 56 78 om sag 2024-123456 og 4.300 kr. eller 999999-9999.", LetterCategory.SYSTEM)
			.findings()).extracting(Finding::rule).doesNotContain(Rule.CPR_NUMBER);
	}

	@Test
	void mergeFieldsAreNotWordsAndNotLongWords() {
		Analysis a = ANALYSER.analyse("Ring til {{sagsbehandler}} på {{sagsbehandler_telefon}}.", LetterCategory.SYSTEM);
		assertThat(a.stats().words()).isEqualTo(3);
		assertThat(a.stats().longWords()).isZero();
		assertThat(a.findings()).extracting(Finding::rule).doesNotContain(Rule.LONG_WORD);
	}

	@Test
	void theScoreLinesSaySingularAndPluralRightInBothLanguages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/letters");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Locale da = Locale.forLanguageTag("da");
		assertThat(messages.getMessage("letters.score.rule.nominalisation", new Object[] { 1 }, da)).isEqualTo("1 skjult udsagnsord");
		assertThat(messages.getMessage("letters.score.rule.nominalisation", new Object[] { 3 }, da)).isEqualTo("3 skjulte udsagnsord");
		assertThat(messages.getMessage("letters.score.rule.long-sentence", new Object[] { 1 }, da)).isEqualTo("1 lang sætning");
		assertThat(messages.getMessage("letters.score.rule.long-sentence", new Object[] { 2 }, da)).isEqualTo("2 lange sætninger");
		assertThat(messages.getMessage("letters.score.rule.passive", new Object[] { 1 }, da)).isEqualTo("1 gang passiv");
		assertThat(messages.getMessage("letters.score.rule.long-sentence", new Object[] { 1 }, Locale.ENGLISH)).isEqualTo("1 long sentence");
		assertThat(messages.getMessage("letters.score.rule.officialese", new Object[] { 4 }, Locale.ENGLISH)).isEqualTo("4 officialese phrases");
	}

	@Test
	void aSubjectLineIsSetApartAndTheBodyHasItsOwnLix() {
		String letter = "Afgørelse om befordringsgodtgørelse\n\nDu får godtgørelse for din kørsel til kurset. Vi udbetaler den "
				+ "sammen med din ydelse hver måned, fordi det er nemmest for dig.";
		assertThat(SubjectLine.detect(letter)).isEqualTo(letter.indexOf('\n'));
		assertThat(SubjectLine.detect("Kære Anna\n\nVi ses.")).isEqualTo(-1);
		assertThat(SubjectLine.detect("Vi har modtaget din ansøgning, og vi ses.\n\nHej.")).isEqualTo(-1);
		Analysis whole = ANALYSER.analyse(letter, LetterCategory.SYSTEM);
		Analysis marked = ANALYSER.analyse(letter, LetterCategory.SYSTEM, SubjectLine.firstLine(letter));
		assertThat(marked.hasSubjectLine()).isTrue();
		assertThat(marked.body().sentences()).isEqualTo(whole.stats().sentences() - 1);
		assertThat(marked.body().lix()).isNotEqualTo(whole.stats().lix());
		assertThat(marked.stats().words()).isEqualTo(whole.stats().words());
		assertThat(marked.stats().sentences()).isEqualTo(whole.stats().sentences());
	}
}
