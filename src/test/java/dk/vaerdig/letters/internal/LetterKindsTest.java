package dk.vaerdig.letters.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kind of a letter from its structure and meaning (issue 14), with the examples of the issue and variants. */
class LetterKindsTest {

	static final PlainLanguageAnalyser ANALYSER = ShippedDictionary.analyser();

	static LetterCategory kind(String text) {
		return LetterKinds.detect(text).kind();
	}

	static final String SANCTION = """
			Kære Anna

			Du mødte ikke op til samtalen den 3. marts kl. 10.00, og du havde ikke meldt afbud.
			Vi har derfor besluttet at trække 1.245 kr. i din kontanthjælp for den dag.

			Venlig hilsen
			Mette Kjær, jobkonsulent""";

	@Test
	void vi_har_derfor_besluttet_is_a_decision_under_information_and_as_a_system_letter() {
		assertThat(kind(SANCTION)).isEqualTo(LetterCategory.DECISION);
		for (LetterCategory chosen : new LetterCategory[] { LetterCategory.INFORMATION, LetterCategory.SYSTEM }) {
			Analysis a = ANALYSER.analyse(SANCTION, chosen);
			assertThat(a.kind()).isEqualTo(LetterCategory.DECISION);
			// a sanction letter without complaint guidance is no grade A
			assertThat(a.findings()).extracting(Finding::rule)
				.contains(Rule.MISSING_COMPLAINT_BODY, Rule.MISSING_COMPLAINT_HOW, Rule.MISSING_COMPLAINT_DEADLINE, Rule.MISSING_RULES);
			assertThat(a.grade()).isNotEqualTo('A');
		}
		// the deciding sentence is the one that decides
		var d = LetterKinds.detect(SANCTION);
		assertThat(SANCTION.substring(d.evidenceStart(), d.evidenceEnd())).startsWith("Vi har derfor besluttet");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"Vi har besluttet, at du skal deltage i et forløb hos Job & Uddannelse fra den 1. maj.",
			"Du får ikke kontanthjælp, fordi din ægtefælle kan forsørge dig.",
			"Du mister din ret til sygedagpenge fra den 14. april.",
			"Du skal betale 4.300 kr. tilbage, fordi du har arbejdet i marts.",
			"Din ydelse stopper den 1. juni, fordi du er begyndt i fuldtidsjob.",
			"Din kontanthjælp bliver nedsat med 1.000 kr. om måneden fra den 1. marts.",
			"Kommunen har bevilget dig et løntilskudsjob hos Netto i 6 måneder.",
			"Vi stopper din ledighedsydelse fra mandag den 3. februar.",
			"Der er truffet afgørelse i din sag.",
			"Din ansøgning om enkeltydelse er afvist.",
			"Jobcentret har i dag godkendt din ansøgning om mentorstøtte.",
			"Du har ikke længere ret til uddannelseshjælp.",
			"Du får ikke hjælp til transport, fordi du kun kan få hjælp, hvis du bor mere end 12 km fra kurset.",
			"Du er blevet visiteret til fleksjob.",
			"Din ret til dagpenge ophører den 30. juni.",
			"Vi giver dig afslag på din ansøgning om tandbehandling." })
	void aStatedDecisionMakesADecision(String sentence) {
		assertThat(kind("Kære Anna\n\n" + sentence + "\n\nVenlig hilsen\nJobcentret")).as(sentence).isEqualTo(LetterCategory.DECISION);
	}

	@Test
	void aReceiptThatMentionsAfgoerelseIsAReceipt() {
		String receipt = """
				Kvittering for din ansøgning

				Vi har modtaget din ansøgning om hjælp til tandbehandling den 2. marts.
				Vi forventer at kunne træffe afgørelse inden for 4 uger. Du hører fra os, når vi har behandlet den.
				Har du spørgsmål, så ring til os på 55 66 77 88.""";
		assertThat(kind(receipt)).isEqualTo(LetterCategory.RECEIPT);
		Analysis a = ANALYSER.analyse(receipt, LetterCategory.SYSTEM);
		assertThat(a.kind()).isEqualTo(LetterCategory.RECEIPT);
		assertThat(a.findings()).extracting(Finding::rule).doesNotContain(Rule.MISSING_COMPLAINT_BODY,
				Rule.MISSING_COMPLAINT_DEADLINE, Rule.MISSING_REASONS, Rule.MISSING_NEXT_STEP);
		assertThat(kind("Tak for din klage. Vi forventer at kunne træffe afgørelse inden for 14 dage.")).isEqualTo(LetterCategory.RECEIPT);
	}

	static final String CONSULTATION = """
			Partshøring – vi overvejer at kræve penge tilbage

			Vi har fået oplysninger fra Skattestyrelsen om, at du har haft en lønindtægt på 6.200 kr. i januar.
			Vi overvejer derfor at træffe afgørelse om, at du skal betale 6.200 kr. i kontanthjælp tilbage.
			Inden vi træffer afgørelse, vil vi gerne høre dine bemærkninger. Send dem senest den 20. marts.
			Ring til mig på 12 34 56 78, hvis du har spørgsmål.""";

	@Test
	void aConsultationLetterIsNotADecisionEvenWhenItSaysAfgoerelseAndWhatYouWouldPay() {
		assertThat(kind(CONSULTATION)).isEqualTo(LetterCategory.CONSULTATION);
		Analysis a = ANALYSER.analyse(CONSULTATION, LetterCategory.SYSTEM);
		assertThat(a.kind()).isEqualTo(LetterCategory.CONSULTATION);
		assertThat(a.elements()).allSatisfy(e -> assertThat(e.present()).as(e.element()).isTrue());
		assertThat(a.findings()).extracting(Finding::rule).doesNotContain(Rule.MISSING_COMPLAINT_BODY, Rule.MISSING_REASONS);
		// without the word partshøring too: comments asked for, a planned decision
		String variant = CONSULTATION.replace("Partshøring – vi", "Vi");
		assertThat(kind(variant)).isEqualTo(LetterCategory.CONSULTATION);
	}

	@Test
	void aDecisionThatMentionsCommentsOrAnEarlierConsultationStaysADecision() {
		assertThat(kind(SANCTION + "\nHvis du har bemærkninger, kan du ringe til mig. Hvis du igen udebliver, kan din ydelse blive nedsat."))
			.isEqualTo(LetterCategory.DECISION);
		assertThat(kind("Vi har partshørt dig den 2. april, men du har ikke svaret. Vi har derfor besluttet at stoppe din ydelse."))
			.isEqualTo(LetterCategory.DECISION);
	}

	@Test
	void aConsultationLetterNeedsItsDeadlineAndThePlannedDecision() {
		Analysis a = ANALYSER.analyse("""
				Partshøring

				Vi har fået oplysninger om dit arbejde i januar. Du kan komme med dine bemærkninger.
				Ring til mig på 12 34 56 78.""", LetterCategory.CONSULTATION);
		assertThat(a.findings()).extracting(Finding::rule).contains(Rule.MISSING_ANSWER_DEADLINE, Rule.MISSING_PLANNED_DECISION)
			.doesNotContain(Rule.MISSING_COMPLAINT_BODY);
	}

	@Test
	void anInvitationWithDayTimeAndPlaceIsAnInvitation() {
		String invitation = """
				Invitation til samtale

				Vi vil gerne invitere dig til en samtale om dine ønsker til job.
				Tid: tirsdag den 4. marts kl. 10.30
				Sted: Jobcentret, Ringstedgade 1, 4700 Næstved
				Hvis du ikke kan komme, så ring til Mette på 12 34 56 78.""";
		assertThat(kind(invitation)).isEqualTo(LetterCategory.INVITATION);
		Analysis a = ANALYSER.analyse(invitation, LetterCategory.SYSTEM);
		// a clear invitation with date, time and whom to ring has its next step
		assertThat(a.findings()).extracting(Finding::rule).doesNotContain(Rule.MISSING_NEXT_STEP, Rule.MISSING_CONTACT);
		// the usual warning in an invitation is not a decision
		assertThat(kind(invitation + "\nHvis du ikke møder op, kan det betyde, at din kontanthjælp bliver nedsat."))
			.isEqualTo(LetterCategory.INVITATION);
		assertThat(kind("Du er indkaldt til jobsamtale mandag den 2. juni kl. 9.00 i Jobcenter Næstved.")).isEqualTo(LetterCategory.INVITATION);
	}

	@Test
	void threatsAndConditionsAreNotDecisions() {
		assertThat(kind("Hvis du ikke sender lønsedlerne, mister du din ydelse. Send dem senest fredag.")).isNotEqualTo(LetterCategory.DECISION);
		assertThat(kind("Vi har ændret vores åbningstider. Du kan nu ringe til os fra kl. 8.")).isEqualTo(LetterCategory.INFORMATION);
		assertThat(kind("Du har ret til at tage en bisidder med til mødet. Du har ret til aktindsigt.")).isNotEqualTo(LetterCategory.DECISION);
		assertThat(kind("Du får et brev, når vi har set på din sag. Du får svar inden for 14 dage.")).isNotEqualTo(LetterCategory.DECISION);
		assertThat(kind("Husk at komme til mødet. Din ydelse bliver nedsat, hvis du ikke møder op.")).isNotEqualTo(LetterCategory.DECISION);
		assertThat(kind("Vi overvejer at stoppe din kontanthjælp.")).isNotEqualTo(LetterCategory.DECISION);
	}

	@Test
	void aSubjectLineOrComplaintGuidanceAboutTheDecisionMakesADecisionWhenNothingElseSays() {
		assertThat(kind("Afgørelse om befordringsgodtgørelse\n\nSe vedlagte bilag.")).isEqualTo(LetterCategory.DECISION);
		assertThat(kind("Se bilaget. Du kan klage over afgørelsen til os.")).isEqualTo(LetterCategory.DECISION);
	}

	@Test
	void theWritersChoiceWinsExceptInformationThatDecides() {
		assertThat(LetterKinds.effective(LetterCategory.SYSTEM, LetterCategory.RECEIPT)).isEqualTo(LetterCategory.RECEIPT);
		assertThat(LetterKinds.effective(LetterCategory.INFORMATION, LetterCategory.DECISION)).isEqualTo(LetterCategory.DECISION);
		assertThat(LetterKinds.effective(LetterCategory.CONSULTATION, LetterCategory.DECISION)).isEqualTo(LetterCategory.CONSULTATION);
		assertThat(LetterKinds.effective(LetterCategory.INVITATION, LetterCategory.INFORMATION)).isEqualTo(LetterCategory.INVITATION);
		assertThat(LetterKinds.effective(null, LetterCategory.INVITATION)).isEqualTo(LetterCategory.INVITATION);
	}
}
