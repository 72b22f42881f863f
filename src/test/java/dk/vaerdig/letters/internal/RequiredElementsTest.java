package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The legal elements of a letter checked by their structure, not by key words anywhere (issue 14). */
class RequiredElementsTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static List<Rule> missing(String text, LetterCategory category) {
		return ANALYSER.analyse(text, category).findings().stream().map(Finding::rule).filter(Rule::missingElement).toList();
	}

	static final String COMPLETE = """
			Afgørelse om transport

			Du får ikke hjælp til transport til kurset, fordi du bor 8 km fra kurset, og grænsen er 12 km.
			Vi har lagt vægt på, at du selv har oplyst din adresse i din ansøgning.

			Regler
			Vi har brugt reglerne i lov om aktiv beskæftigelsesindsats § 82, stk. 2.

			Sådan klager du
			Du kan klage over afgørelsen til Jobcenter Næstved inden 4 uger efter, at du har fået afgørelsen.
			Du kan klage skriftligt med Digital Post eller ringe til os.
			Hvis vi fastholder afgørelsen, sender vi din klage videre til Ankestyrelsen.

			Har du spørgsmål, så ring til mig på 12 34 56 78. Herefter hører du fra os.""";

	@Test
	void aCompleteDecisionHasEveryElementAndNeedsNoConsultationWhenTheFactsCameFromTheCandidate() {
		assertThat(missing(COMPLETE, LetterCategory.SYSTEM)).isEmpty();
		assertThat(ANALYSER.analyse(COMPLETE, LetterCategory.SYSTEM).kind()).isEqualTo(LetterCategory.DECISION);
	}

	@Test
	void ankestyrelsenInAnotherContextAndOm4UgerAreNoComplaintGuidance() {
		String text = """
				Vi har besluttet, at du skal deltage i et forløb, fordi du har været ledig i 6 måneder.
				Vi har brugt lov om aktiv beskæftigelsesindsats § 91.
				Ankestyrelsen har offentliggjort en ny vejledning om forløb, som du kan læse på borger.dk.
				Vi holder et nyt møde om 4 uger. Ring til mig på 12 34 56 78.""";
		assertThat(missing(text, LetterCategory.SYSTEM)).contains(Rule.MISSING_COMPLAINT_BODY, Rule.MISSING_COMPLAINT_HOW,
				Rule.MISSING_COMPLAINT_DEADLINE);
	}

	@Test
	void theComplaintDeadlineMustBeTiedToReceivingTheDecision() {
		String base = "Vi har besluttet at stoppe din kontanthjælp, fordi du er begyndt i fuldtidsjob. Lov om aktiv socialpolitik § 13.\n\n";
		assertThat(missing(base + "Du kan klage til os skriftligt. Fristen er om 4 uger.", LetterCategory.DECISION))
			.contains(Rule.MISSING_COMPLAINT_DEADLINE).doesNotContain(Rule.MISSING_COMPLAINT_BODY, Rule.MISSING_COMPLAINT_HOW);
		assertThat(missing(base + "Du kan klage til os skriftligt inden 4 uger fra den dag, du modtog dette brev.", LetterCategory.DECISION))
			.doesNotContain(Rule.MISSING_COMPLAINT_DEADLINE, Rule.MISSING_COMPLAINT_BODY, Rule.MISSING_COMPLAINT_HOW);
		// where, how and when in separate parts of the letter are not one passage
		String scattered = base + "Du kan klage.\n\nOverskrift\n\nAnkestyrelsen er en statslig myndighed.\n\nNy del\n\n"
				+ "Vi sender dig et brev inden 4 uger efter, at du har fået afgørelsen.";
		assertThat(missing(scattered, LetterCategory.DECISION)).contains(Rule.MISSING_COMPLAINT_BODY);
	}

	@Test
	void aBoilerplateFormulaIsNoReasonButAStatementOfFactIs() {
		String boilerplate = "Vi har på baggrund af de oplysninger, der foreligger, besluttet at stoppe din kontanthjælp.";
		assertThat(missing(boilerplate, LetterCategory.DECISION)).contains(Rule.MISSING_REASONS);
		assertThat(missing("Vi har lagt vægt på de oplysninger, der foreligger. Din ydelse stopper.", LetterCategory.DECISION))
			.contains(Rule.MISSING_REASONS);
		assertThat(missing("Vi har besluttet at stoppe din kontanthjælp, da du er flyttet til Aarhus den 1. maj.", LetterCategory.DECISION))
			.doesNotContain(Rule.MISSING_REASONS);
		assertThat(missing("Du mødte ikke op til samtalen den 3. marts. Vi har derfor besluttet at trække 800 kr. i din ydelse.",
				LetterCategory.DECISION)).doesNotContain(Rule.MISSING_REASONS);
	}

	@Test
	void rulesCitedAreALawWithAParagraph() {
		String decision = "Vi har besluttet at stoppe din kontanthjælp, fordi du har fået job. ";
		assertThat(missing(decision + "Det følger af reglerne.", LetterCategory.DECISION)).contains(Rule.MISSING_RULES);
		assertThat(missing(decision + "Det følger af loven.", LetterCategory.DECISION)).contains(Rule.MISSING_RULES);
		assertThat(missing(decision + "Det følger af aktivlovens § 13, stk. 7.", LetterCategory.DECISION)).doesNotContain(Rule.MISSING_RULES);
		assertThat(missing(decision + "Se LAB § 69.", LetterCategory.DECISION)).doesNotContain(Rule.MISSING_RULES);
		assertThat(missing(decision + "\n\nRegler\nLov om aktiv socialpolitik\n§ 13, stk. 7", LetterCategory.DECISION))
			.doesNotContain(Rule.MISSING_RULES);
		// the complaint rules are not the rules of the decision
		assertThat(missing(decision + "Du kan klage efter forvaltningslovens § 25.", LetterCategory.DECISION)).contains(Rule.MISSING_RULES);
	}

	@Test
	void consultationIsRaisedOnlyWhereItIsRelevant() {
		String decision = "Vi har besluttet at stoppe din kontanthjælp, fordi vi har fået oplysninger fra Skattestyrelsen om løn i marts. ";
		assertThat(missing(decision, LetterCategory.DECISION)).contains(Rule.MISSING_CONSULTATION);
		assertThat(missing(decision + "Vi har partshørt dig den 2. april.", LetterCategory.DECISION)).doesNotContain(Rule.MISSING_CONSULTATION);
		assertThat(missing("Vi har besluttet at stoppe din kontanthjælp, fordi du har oplyst, at du er begyndt i job.",
				LetterCategory.DECISION)).doesNotContain(Rule.MISSING_CONSULTATION);
		assertThat(missing("Vi har bevilget dig 3.000 kr. til briller, fordi du har brug for dem til dit job.",
				LetterCategory.DECISION)).doesNotContain(Rule.MISSING_CONSULTATION);
	}

	@Test
	void mergeFieldsReadAsWhatTheyHold() {
		assertThat(missing("Kære {{fornavn}}\n\nVi inviterer dig til en samtale {{mødetid}} på {{mødested}}. "
				+ "Ring til {{sagsbehandler}} på {{sagsbehandler_telefon}}, hvis tiden ikke passer.", LetterCategory.SYSTEM)).isEmpty();
		assertThat(missing("Partshøring\n\nVi overvejer at stoppe din ydelse. Send dine bemærkninger senest {{frist}}. "
				+ "Ring på {{sagsbehandler_telefon}}.", LetterCategory.SYSTEM)).isEmpty();
	}
}
