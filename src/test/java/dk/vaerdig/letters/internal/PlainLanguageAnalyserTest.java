package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules of the analyser on small Danish texts, with the dictionaries exactly as shipped. */
class PlainLanguageAnalyserTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static Analysis analyse(String text) {
		return ANALYSER.analyse(text, LetterCategory.INFORMATION);
	}

	static List<String> found(String text, Rule rule) {
		return analyse(text).findings()
			.stream()
			.filter(f -> f.rule() == rule)
			.map(f -> text.substring(f.start(), f.end()))
			.toList();
	}

	static Finding first(String text, Rule rule) {
		return analyse(text).findings().stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
	}

	@Test
	void shipsAtLeast150OfficialeseEntriesEachWithAnAlternativeOrNote() {
		List<PhraseEntry> officialese = ShippedDictionary.entries().stream().filter(e -> e.rule() == Rule.OFFICIALESE).toList();
		assertThat(officialese).hasSizeGreaterThanOrEqualTo(150);
		assertThat(ANALYSER.phrases().size()).isGreaterThan(200);
	}

	@Test
	void findsOfficialeseWithItsPositionAndAPlainAlternative() {
		String text = "Vi skriver vedrørende din ansøgning. Såfremt du har spørgsmål, kan du ringe.";
		Finding f = first(text, Rule.OFFICIALESE);
		assertThat(text.substring(f.start(), f.end())).isEqualTo("vedrørende");
		assertThat(f.suggestion()).isEqualTo("om");
		assertThat(found(text, Rule.OFFICIALESE)).containsExactly("vedrørende", "Såfremt");
		// the capital letter is kept
		assertThat(analyse(text).findings().stream().filter(x -> x.start() == text.indexOf("Såfremt")).findFirst()
			.orElseThrow().suggestion()).isEqualTo("Hvis");
	}

	@Test
	void multiWordPhrasesAndInflectionsMatchLongestFirst() {
		assertThat(found("Vi gør det med henblik på at hjælpe dig.", Rule.OFFICIALESE)).containsExactly("med henblik på");
		assertThat(found("Brevet fremsendes i dag, og du fremsendte det i går.", Rule.OFFICIALESE))
			.containsExactly("fremsendes", "fremsendte");
		assertThat(found("Der gøres opmærksom på, at fristen er kort.", Rule.OFFICIALESE))
			.containsExactly("Der gøres opmærksom på");
		assertThat(found("Afgørelsen er truffet i henhold til loven.", Rule.OFFICIALESE)).containsExactly("i henhold til");
	}

	@Test
	void aPhraseDoesNotSpanTwoSentences() {
		assertThat(found("Vi ses med. Henblik på det.", Rule.OFFICIALESE)).isEmpty();
	}

	@Test
	void findsTheSPassiveAfterAModalAndCommonPassives() {
		assertThat(found("Pengene udbetales den 1. Din sag skal vurderes igen. Formularen kan ikke ses.", Rule.PASSIVE))
			.containsExactly("udbetales", "vurderes");
		// deponent verbs and pronouns in -es are not passive
		assertThat(found("Vi mødes i morgen. Det lykkes nok. Deres hus og vores have findes.", Rule.PASSIVE)).isEmpty();
	}

	@Test
	void findsBlivePlusParticiple() {
		assertThat(found("Du bliver indkaldt til en samtale. Din ydelse blev nedsat. Du er blevet bevilget hjælp.",
				Rule.BLIVE_PASSIVE)).containsExactly("bliver indkaldt", "blev nedsat", "blevet bevilget");
		assertThat(found("Det bliver godt. Du bliver hjemme. Det bliver svært.", Rule.BLIVE_PASSIVE)).isEmpty();
	}

	@Test
	void findsHiddenVerbsFromTheDictionaryAndBySuffix() {
		Finding f = first("Vi vil foretage en vurdering af din sag.", Rule.NOMINALISATION);
		assertThat(f.suggestion()).isEqualTo("vurdere");
		// found by its suffix, and inflected like the verb it replaces: "foretager en undersøgelse af" → "undersøger"
		Finding bySuffix = first("Kommunen foretager en undersøgelse af sagen.", Rule.NOMINALISATION);
		assertThat(bySuffix.suggestion()).isEqualTo("undersøger");
		// with an adjective in between, a one-click fix would lose it: advice only
		assertThat(first("Kommunen foretager en grundig undersøgelse af sagen.", Rule.NOMINALISATION).suggestion()).isNull();
		assertThat(found("Du kan tage en uddannelse.", Rule.NOMINALISATION)).isEmpty();
	}

	@Test
	void findsFormalAddressButNotThePluralDe() {
		assertThat(found("Vi har modtaget Deres ansøgning og skriver til Dem.", Rule.FORMAL_ADDRESS))
			.containsExactly("Deres", "Dem");
		assertThat(found("De skal møde op tirsdag.", Rule.FORMAL_ADDRESS)).containsExactly("De");
		assertThat(first("De skal møde op tirsdag.", Rule.FORMAL_ADDRESS).suggestion()).isEqualTo("Du");
		// "De nye regler" is the plural article, and "de" in lower case is "they"
		assertThat(found("De nye regler gælder fra 1. juli. Du kan læse dem her, og de gælder alle.", Rule.FORMAL_ADDRESS))
			.isEmpty();
		// "Deres" at the start of a sentence in a letter that says "du" is "their"
		assertThat(found("Du og dine børn er velkomne. Deres skole ligger tæt på.", Rule.FORMAL_ADDRESS)).isEmpty();
	}

	@Test
	void findsDisempoweringPhrasingFromSeed004() {
		String text = "Hej, jeg hedder Jørgen, og det er mit ansvar at få dig ud på arbejdsmarkedet igen.";
		Finding f = first(text, Rule.DISEMPOWERING);
		assertThat(text.substring(f.start(), f.end())).isEqualTo("det er mit ansvar at få dig");
		assertThat(found("Borgeren skal møde op. Vi sender dig i aktivering. De bedes ringe.", Rule.DISEMPOWERING))
			.containsExactly("Borgeren", "Vi sender dig i aktivering", "De bedes ringe");
		// "De bedes ringe" becomes the imperative
		assertThat(first("De bedes ringe til os.", Rule.DISEMPOWERING).suggestion()).isEqualTo("Ring");
	}

	@Test
	void theDeOfDeBedesIsFormalAddressBesideThePhrase() {
		String text = "De bedes ringe til os i morgen.";
		assertThat(found(text, Rule.FORMAL_ADDRESS)).containsExactly("De");
		assertThat(found(text, Rule.DISEMPOWERING)).containsExactly("De bedes ringe");
		// the phrase keeps its one-click imperative; "De" alone gets none ("Du bedes ringe" would be flagged again)
		assertThat(first(text, Rule.DISEMPOWERING).suggestion()).isEqualTo("Ring");
		assertThat(first(text, Rule.FORMAL_ADDRESS).suggestion()).isNull();
		assertThat(found("Hvis De er forhindret, De bedes ringe.", Rule.FORMAL_ADDRESS)).containsExactly("De", "De");
		// "Du bedes" is no formal address, and "De" meaning "they" stays unflagged inside the phrase too
		assertThat(found("Du bedes ringe til os.", Rule.FORMAL_ADDRESS)).isEmpty();
		assertThat(found("Du har talt med to arbejdsgivere. De bedes svare inden fredag.", Rule.FORMAL_ADDRESS)).isEmpty();
	}

	@Test
	void herunderMeaningBelowIsPlainDanishButHerunderMeaningIncludingIsOfficialese() {
		assertThat(found("Se herunder.", Rule.OFFICIALESE)).isEmpty();
		assertThat(found("Du kan se listen herunder.", Rule.OFFICIALESE)).isEmpty();
		assertThat(found("Som du kan læse herunder, skal du svare inden fredag.", Rule.OFFICIALESE)).isEmpty();
		assertThat(found("Herunder kan du se, hvad du skal gøre.", Rule.OFFICIALESE)).isEmpty();
		assertThat(found("Læs mere herunder om, hvordan du klager.", Rule.OFFICIALESE)).isEmpty();
		assertThat(found("Skemaet herunder viser dine møder.", Rule.OFFICIALESE)).isEmpty();
		assertThat(found("Du skal sende dine papirer, herunder lønsedler og kontoudtog.", Rule.OFFICIALESE))
			.containsExactly("herunder");
		assertThat(found("Vi ser på din situation, herunder dit helbred.", Rule.OFFICIALESE)).containsExactly("herunder");
		assertThat(found("Du har ret til hjælp herunder til transport.", Rule.OFFICIALESE)).containsExactly("herunder");
	}

	@Test
	void findsLongSentencesAndVeryLongWords() {
		String longSentence = "Vi " + "skriver ".repeat(30) + "nu.";
		assertThat(analyse(longSentence).count(Rule.LONG_SENTENCE)).isEqualTo(1);
		assertThat(found("Det gælder beskæftigelsesindsatsen og www.beskæftigelsesministeriet.dk her.", Rule.LONG_WORD))
			.containsExactly("beskæftigelsesindsatsen");
	}

	@Test
	void aDecisionLetterMustHaveReasonsRulesComplaintGuidanceAndContact() {
		Analysis bare = ANALYSER.analyse("Du får ikke kontanthjælp.", LetterCategory.DECISION);
		assertThat(bare.findings()).extracting(Finding::rule)
			.contains(Rule.MISSING_REASONS, Rule.MISSING_RULES, Rule.MISSING_COMPLAINT_BODY, Rule.MISSING_COMPLAINT_HOW,
					Rule.MISSING_COMPLAINT_DEADLINE, Rule.MISSING_CONTACT, Rule.MISSING_NEXT_STEP);
		Analysis complete = ANALYSER.analyse("""
				Du får ikke kontanthjælp, fordi du har en formue på 20.000 kr. Vi har lagt vægt på dine bankudtog.
				Vi har brugt reglerne i lov om aktiv socialpolitik § 14. Vi har hørt dig, og dine bemærkninger er med.
				Du kan klage til os inden 4 uger efter, at du har fået afgørelsen. Skriv eller ring. Er vi uenige, sender vi din
				klage til Ankestyrelsen.
				Herefter hører du fra os. Ring til mig på 12 34 56 78.""", LetterCategory.DECISION);
		assertThat(complete.elements()).allSatisfy(e -> assertThat(e.present()).as(e.element()).isTrue());
	}

	@Test
	void aSystemLetterThatAnnouncesADecisionIsCheckedAsOne() {
		Analysis a = ANALYSER.analyse("Der er truffet afgørelse i din sag.", LetterCategory.SYSTEM);
		assertThat(a.findings()).extracting(Finding::rule).contains(Rule.MISSING_COMPLAINT_DEADLINE);
	}

	@Test
	void scoresAPlainLetterHighAndAnOfficialOneLowWithReasons() {
		Analysis plain = analyse("""
				Kære Anna

				Vi vil gerne tale med dig om dit nye job. Mødet er tirsdag den 4. marts kl. 10.30 hos os.
				Herefter laver vi en plan sammen. Ring til mig på 12 34 56 78, hvis tiden ikke passer.""");
		assertThat(plain.grade()).isEqualTo('A');
		Analysis official = analyse("""
				Undertegnede skal hermed meddele, at De bedes fremsende dokumentation vedrørende Deres formue. \
				Såfremt dokumentationen ikke modtages inden for fristen, vil der blive truffet afgørelse i henhold til \
				gældende regler, idet kommunen er forpligtet til at foretage en vurdering af sagen.""");
		assertThat(official.score()).isLessThan(50);
		assertThat(official.grade()).isEqualTo('F');
		assertThat(official.scoreParts()).isNotEmpty();
		assertThat(official.scoreParts().get(0).points()).isGreaterThanOrEqualTo(official.scoreParts().get(1).points());
	}

	@Test
	void anEmptyTextScoresZeroWithAnExplanation() {
		Analysis a = analyse("");
		assertThat(a.score()).isZero();
		assertThat(a.scoreParts()).extracting(Analysis.ScorePart::messageKey).containsExactly("letters.score.empty");
	}
}
