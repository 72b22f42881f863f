package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one-click suggestion, applied to a corpus of official letters and read again (issue 14): no new finding
 * appears where the suggestion went, and a decision letter stays a decision letter.
 */
class OneClickCorpusTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	/** The rules whose findings a suggestion must not create (long sentences are about the whole sentence). */
	static final Set<Rule> PLACE_RULES = Set.of(Rule.PASSIVE, Rule.BLIVE_PASSIVE, Rule.NOMINALISATION, Rule.FORMAL_ADDRESS,
			Rule.OFFICIALESE, Rule.DISEMPOWERING, Rule.LONG_WORD, Rule.CPR_NUMBER);

	static final String[] LETTERS = { """
			Afgørelse om sanktion

			Undertegnede skal hermed meddele, at De ikke mødte op til samtalen den 3. marts. Vi har derfor besluttet, at Deres
			ydelse ophører den 1. april, idet udeblivelse kan medføre en nedsættelse af hjælpen i henhold til lov om aktiv
			socialpolitik § 36. De bedes fremsende dokumentation vedrørende Deres fravær. Såfremt De ønsker at klage, skal
			klagen være os i hænde inden 4 uger efter, at De har modtaget afgørelsen.""", """
			Vi vil holde dig orienteret om din sag. Vi har orienteret dig om reglerne, og vi påtænker at foretage en vurdering
			af din situation. Der gøres opmærksom på, at du er forpligtet til at stå til rådighed. Du bedes udfylde skemaet og
			benytte den vedlagte kuvert. Endvidere skal du medbringe dit sygesikringskort samt eventuelle lønsedler.""", """
			Kære Anna

			Vi har modtaget din skrivelse vedrørende befordring. Hermed sender vi dig et skema. Såfremt du har spørgsmål, er du
			velkommen til at henvende dig til os. Vi imødeser dit svar og gør opmærksom på, at manglende overholdelse af fristen
			kan få betydning. Vi har besluttet, at du skal deltage i et forløb, og vi anmoder om, at du fremsender papirerne.""", """
			Partshøring

			Vi har fået oplysninger fra Skattestyrelsen. Vi påtænker derfor at træffe afgørelse om, at du skal tilbagebetale
			4.000 kr. Du har lejlighed til at komme med bemærkninger. Dine bemærkninger skal være os i hænde senest den 12. maj.
			Borgeren kan rette henvendelse til jobcentret. Vi har talt med borgeren, og i den pågældende periode fik hun løn.""", """
			Indkaldelse til samtale

			Du indkaldes hermed til samtale tirsdag den 4. marts kl. 10.00. Samtalen afholdes i jobcentret. Manglende fremmøde
			vil få konsekvenser for din ydelse, og mister du din ydelse, er det på eget ansvar. Vi gør opmærksom på, at De er
			forpligtet til at møde op. Såfremt De er forhindret, bedes De kontakte undertegnede forinden.""", """
			Kommunen foretager en undersøgelse af sagen og vil træffe afgørelse snarest muligt. I tilfælde af sygdom skal du
			give meddelelse om det. Vi har på baggrund af de oplysninger, der foreligger, besluttet at bevilge ydelsen. Det
			skønne ved ordningen er, at du selv vælger, skønt du har pligt til at søge job. Du er ikke berettiget til hjælp.""" };

	static Stream<String> letters() {
		return Stream.of(LETTERS);
	}

	@ParameterizedTest
	@MethodSource("letters")
	void everyOneClickSuggestionKeepsTheSentenceClearAndTheDecisionADecision(String letter) {
		Analysis before = ANALYSER.analyse(letter, LetterCategory.SYSTEM);
		List<Finding> withSuggestion = before.findings().stream().filter(f -> f.hasSuggestion() && !f.wholeLetter()).toList();
		assertThat(withSuggestion).as("the corpus exercises suggestions").isNotEmpty();
		for (Finding f : withSuggestion) {
			String changed = f.applyTo(letter);
			Analysis after = ANALYSER.analyse(changed, LetterCategory.SYSTEM);
			int from = f.start();
			int to = f.start() + f.suggestion().length();
			Map<String, Integer> old = counts(letter, before.findings());
			for (Finding g : after.findings()) {
				if (!PLACE_RULES.contains(g.rule()) || g.wholeLetter()) {
					continue;
				}
				boolean there = g.start() < Math.max(to, from + 1) && g.end() > from;
				String key = g.rule() + " " + changed.substring(g.start(), g.end()).toLowerCase();
				if (there && old.getOrDefault(key, 0) == 0) {
					throw new AssertionError("applying »" + f.suggestion() + "« for »" + letter.substring(f.start(), f.end())
							+ "« gives a new finding " + g.rule() + " »" + changed.substring(g.start(), g.end()) + "« in: "
							+ changed.substring(Math.max(0, from - 40), Math.min(changed.length(), to + 40)));
				}
			}
			if (before.detected().kind() == LetterCategory.DECISION) {
				assertThat(after.detected().kind()).as("after applying »%s« for »%s«", f.suggestion(),
						letter.substring(f.start(), f.end())).isEqualTo(LetterCategory.DECISION);
			}
			assertThat(changed).as("no imperative after a modal").doesNotContainIgnoringCase("bedes send ")
				.doesNotContain("hvis hvis").doesNotContain("idet hvis");
		}
	}

	/** How often each finding (rule and text) occurs, so a finding that was there before is not counted as new. */
	static Map<String, Integer> counts(String text, List<Finding> findings) {
		Map<String, Integer> counts = new HashMap<>();
		for (Finding f : findings) {
			if (!f.wholeLetter()) {
				counts.merge(f.rule() + " " + text.substring(f.start(), f.end()).toLowerCase(), 1, Integer::sum);
			}
		}
		return counts;
	}

	static List<String> suggestionsOf(String text) {
		List<String> out = new ArrayList<>();
		for (Finding f : ANALYSER.analyse(text, LetterCategory.SYSTEM).findings()) {
			if (f.hasSuggestion()) {
				out.add(text.substring(f.start(), f.end()) + " → " + f.suggestion());
			}
		}
		return out;
	}
}
