package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The rules that use LanguageTool's Danish tagger (issue 14): -s passive on verbs only, De/Dem/Deres read in their
 * sentence, suggestions inflected to fit, and the broken one-click suggestions the issue lists.
 */
class MorphologyRulesTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static List<Finding> findings(String text, Rule rule) {
		return ANALYSER.analyse(text, LetterCategory.INFORMATION).findings().stream().filter(f -> f.rule() == rule).toList();
	}

	static List<String> found(String text, Rule rule) {
		return findings(text, rule).stream().map(f -> text.substring(f.start(), f.end())).toList();
	}

	static Finding at(String text, String words) {
		int start = text.indexOf(words);
		return ANALYSER.analyse(text, LetterCategory.INFORMATION).findings().stream()
			.filter(f -> f.start() == start && !f.wholeLetter())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no finding at »" + words + "« in " + text));
	}

	static String applied(String text, String words) {
		return at(text, words).applyTo(text);
	}

	@Test
	void theTaggerIsOnTheClasspathAndKnowsDanish() {
		assertThat(Morphology.isPassiveForm("udbetales")).isTrue();
		assertThat(Morphology.isNoun("ydelsen")).isTrue();
		assertThat(Morphology.isVerb("ydelsen")).isFalse();
	}

	@Test
	void sPassiveIsReportedOnVerbsOnly() {
		// verbs the tagger knows only as passives are passive wherever they stand
		assertThat(found("Beløbet udbetales den 1. Din sag vurderes af en kollega.", Rule.PASSIVE))
			.containsExactly("udbetales", "vurderes");
		// nouns, genitives and pronouns in -es are not: "proces", "ydelses", "Deres"
		assertThat(found("Din ydelses størrelse afhænger af din proces. Hendes og jeres plan.", Rule.PASSIVE)).isEmpty();
		// deponent verbs are not passive
		assertThat(found("Vi mødes på tirsdag. Det lykkes nok. Der findes hjælp.", Rule.PASSIVE)).isEmpty();
	}

	@Test
	void afholdesIsPassiveNotOfficialese() {
		String text = "Samtalen afholdes i Jobcentret.";
		assertThat(found(text, Rule.PASSIVE)).containsExactly("afholdes");
		assertThat(found(text, Rule.OFFICIALESE)).isEmpty();
		// the other forms of afholde are still officialese
		assertThat(found("Vi afholder et møde.", Rule.OFFICIALESE)).containsExactly("afholder");
	}

	@Test
	void deMeaningTheyIsNotFormalAddress() {
		assertThat(found("Vi har talt med to virksomheder i Næstved. De skal bruge en lagermedarbejder fra 1. maj. Du kan søge.",
				Rule.FORMAL_ADDRESS)).isEmpty();
		assertThat(found("Dine kolleger har ringet. Deres forslag er gode, og du kan svare dem.", Rule.FORMAL_ADDRESS)).isEmpty();
		// formal address stays formal address
		assertThat(found("De skal møde op tirsdag. Vi har modtaget Deres ansøgning.", Rule.FORMAL_ADDRESS))
			.containsExactly("De", "Deres");
		assertThat(found("Vi skriver til Dem om Deres sag.", Rule.FORMAL_ADDRESS)).containsExactly("Dem", "Deres");
	}

	@Test
	void deresBecomesTheFormThatAgreesWithItsNoun() {
		assertThat(at("Vi har modtaget Deres ansøgning.", "Deres").suggestion()).isEqualTo("din");
		assertThat(at("Vi har set på Deres forløb.", "Deres").suggestion()).isEqualTo("dit");
		assertThat(at("Vi har modtaget Deres oplysninger.", "Deres").suggestion()).isEqualTo("dine");
	}

	@Test
	void brokenSuggestionsOfTheIssueAreFixed() {
		// «Deres ydelse stoppe»: the verb keeps its tense
		String stop = "Vi har besluttet, at Deres ydelse ophører den 1. maj.";
		assertThat(at(stop, "ophører").suggestion()).isEqualTo("stopper");
		assertThat(applied(applied(stop, "ophører"), "Deres")).isEqualTo("Vi har besluttet, at din ydelse stopper den 1. maj.");
		// «holde dig fortælle»
		String inform = "Vi vil holde dig orienteret om din sag.";
		assertThat(applied(inform, "holde dig orienteret")).isEqualTo("Vi vil give dig besked om din sag.");
		assertThat(at("Vi har orienteret dig om reglerne.", "orienteret").suggestion()).isEqualTo("fortalt");
		// «bedes send»: "Du bedes fremsende" becomes an imperative
		String send = "Du bedes fremsende dine lønsedler senest fredag.";
		assertThat(applied(send, "Du bedes fremsende")).isEqualTo("Send dine lønsedler senest fredag.");
		assertThat(applied("Du bedes udfylde skemaet.", "Du bedes udfylde")).isEqualTo("Udfyld skemaet.");
		// «idet hvis du ikke kommer kan medføre»: a clause never replaces a noun with one click
		String absence = "Du skal møde op, idet udeblivelse kan medføre en nedsættelse af din ydelse.";
		assertThat(at(absence, "udeblivelse").suggestion()).isNull();
		assertThat(at(absence, "udeblivelse").args()).contains("hvis du ikke kommer");
		// a decision never becomes a proposal
		String decision = "Vi har besluttet, at du skal deltage i et forløb.";
		assertThat(ANALYSER.analyse(decision, LetterCategory.INFORMATION).findings())
			.noneSatisfy(f -> assertThat(f.suggestion()).contains("foreslå"));
	}

	@Test
	void suggestionsAreInflectedToTheFormTheyReplace() {
		assertThat(at("Vi fremsender brevet i dag.", "fremsender").suggestion()).isEqualTo("sender");
		assertThat(at("Fremsend papirerne i dag.", "Fremsend").suggestion()).isEqualTo("Send");
		assertThat(at("Vi påtænker at stoppe din ydelse.", "påtænker").suggestion()).isEqualTo("overvejer");
		assertThat(at("Vi skriver et nyt notat og en skrivelse.", "skrivelse").suggestion()).isNull(); // "en brev"
		assertThat(at("Vi har modtaget to skrivelser.", "skrivelser").suggestion()).isEqualTo("breve");
		assertThat(at("Tak for skrivelsen.", "skrivelsen").suggestion()).isEqualTo("brevet");
		assertThat(at("Kommunen foretager en undersøgelse af sagen.", "foretager").suggestion()).isEqualTo("undersøger");
		assertThat(applied("Vi vil foretage en vurdering af din sag.", "foretage")).isEqualTo("Vi vil vurdere din sag.");
		// a dictionary phrase matches inflected forms of its first word, and its suggestion follows the form
		assertThat(applied("Vi foretog en vurdering af din sag i maj.", "foretog")).isEqualTo("Vi vurderede din sag i maj.");
		assertThat(at("Vi har fået tre anmodninger om hjælp.", "anmodninger").suggestion()).isEqualTo("ønsker");
		// a passive stays a passive: advice without a one-click replacement
		assertThat(at("Brevet fremsendes i dag.", "fremsendes").suggestion()).isNull();
	}

	@Test
	void suggestionsThatWouldBreakTheSentenceAreAdviceOnly() {
		// a deleted first word would leave the verb first
		assertThat(at("Hermed sender vi dig brevet.", "Hermed").suggestion()).isNull();
		assertThat(applied("Vi sender hermed brevet.", "hermed")).isEqualTo("Vi sender brevet.");
		// no finite verb after a finite verb
		assertThat(at("Du er ikke berettiget til hjælp.", "berettiget").suggestion()).isNull();
		// no doubled word
		assertThat(at("I den pågældende periode fik du løn.", "pågældende").suggestion()).isNull();
		// "du" only where a subject stands
		assertThat(at("Vi har talt med borgeren.", "borgeren").suggestion()).isNull();
		assertThat(at("Borgeren skal møde op.", "Borgeren").suggestion()).isEqualTo("Du");
		// the old suggestion "vi gør opmærksom på" is flagged itself; now: "husk"
		assertThat(applied("Der gøres opmærksom på, at fristen er kort.", "Der gøres opmærksom på"))
			.isEqualTo("Husk, at fristen er kort.");
	}
}
