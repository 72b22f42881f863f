package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static dk.vaerdig.Html.containsText;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.platform.WorkingDays;

/** Planning and recording meetings, the summary, the events, caseworker changes and handovers. */
@IntegrationTest
@RecordApplicationEvents
class MeetingsAndHandoversIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor JONAS = user("sagsbehandler2").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	ApplicationEvents events;

	String nextWorkingDayAt10() {
		return workingDays.plus(LocalDate.now(), 2).atTime(10, 0).toString();
	}

	long planMeeting(long candidateId) throws Exception {
		mvc.perform(post("/cases/{id}/meetings", candidateId).with(METTE).with(csrf())
			.param("plannedAt", nextWorkingDayAt10()).param("form", "IN_PERSON").param("agenda", "Dagsorden"))
			.andExpect(status().is3xxRedirection());
		return jdbc.sql("SELECT max(id) FROM meeting WHERE candidate_id = ?").param(candidateId).query(Long.class).single();
	}

	@Test
	void theAgendaIsPrefilledWithTheLastNextStepAndTheOpenAgreements() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = planMeeting(c.id());
		record(c.id(), meeting, "Send lægeattest", "Søg 3 job som chauffør").andExpect(status().is3xxRedirection());
		mvc.perform(get("/cases/{id}/meetings/new", c.id()).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Næste skridt fra sidste samtale: Søg 3 job som chauffør")))
			.andExpect(content().string(containsText("- Send lægeattest (Kandidaten")));
	}

	@Test
	void aMeetingCannotBePlannedInThePastOrOnAHoliday() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/meetings", c.id()).with(METTE).with(csrf())
			.param("plannedAt", LocalDateTime.now().minusDays(2).withNano(0).toString().substring(0, 16))
			.param("form", "IN_PERSON").param("agenda", "x"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "plannedAt", "form.notInPast"));
		int year = LocalDate.now().getYear() + 1;
		mvc.perform(post("/cases/{id}/meetings", c.id()).with(METTE).with(csrf())
			.param("plannedAt", year + "-12-25T10:00").param("form", "IN_PERSON").param("agenda", "Min dagsorden"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "plannedAt", "form.notWorkingDay"))
			.andExpect(content().string(containsText("Min dagsorden")));
	}

	org.springframework.test.web.servlet.ResultActions record(long candidateId, long meetingId, String agreement,
			String nextStep) throws Exception {
		return mvc.perform(post("/cases/{id}/meetings/{m}/record", candidateId, meetingId).with(METTE).with(csrf())
			.param("heldAt", LocalDateTime.now().withNano(0).toString())
			.param("talkedAbout", "Vi talte om job som chauffør")
			.param("candidateWishes", "Job tæt på hjemmet")
			.param("nextStep", nextStep)
			.param("version", "0")
			.param("agreements[0].responsible", "CANDIDATE")
			.param("agreements[0].what", agreement)
			.param("agreements[0].dueDate", LocalDate.now().plusDays(14).toString())
			.param("agreements[1].responsible", "CASEWORKER")
			.param("agreements[1].what", ""));
	}

	@Test
	void recordingAMeetingSavesAgreementsSetsTheDueDatePublishesTheEventAndShowsTheSummary() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = planMeeting(c.id());
		record(c.id(), meeting, "Send CV til Netto", "Søg job som lagermedarbejder")
			.andExpect(redirectedUrl("/cases/" + c.id() + "/meetings/" + meeting + "/summary"));

		assertThat(jdbc.sql("SELECT what FROM agreement WHERE meeting_id = ?").param(meeting).query(String.class).list())
			.containsExactly("Send CV til Netto");
		LocalDate heldOn = LocalDate.now();
		// LAB02 from 1 July 2026: the next meeting within 30 working days
		assertThat(jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(c.id()).query(LocalDate.class).single())
			.isEqualTo(workingDays.plus(heldOn, 30));
		assertThat(events.stream(MeetingHeld.class).filter(e -> e.meetingId() == meeting))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.candidateId()).isEqualTo(c.id());
				assertThat(e.caseworker()).isEqualTo("sagsbehandler");
				assertThat(e.targetGroupCode()).isEqualTo("LAB02");
			});
		mvc.perform(get("/cases/{id}/meetings/{m}/summary", c.id(), meeting).with(METTE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Hej " + c.firstName())))
			.andExpect(content().string(containsText("Send CV til Netto")))
			.andExpect(content().string(containsText("Søg job som lagermedarbejder")))
			.andExpect(content().string(containsText("Ring eller skriv til din jobkonsulent")));
	}

	@Test
	void aMeetingPlannedForAFutureDayAndHeldTodayShowsAsHeldToday() throws Exception {
		var c = candidates.make("sagsbehandler");
		LocalDateTime future = workingDays.plus(LocalDate.now(), 5).atTime(10, 0);
		mvc.perform(post("/cases/{id}/meetings", c.id()).with(METTE).with(csrf())
			.param("plannedAt", future.toString()).param("form", "IN_PERSON").param("agenda", "Dagsorden"))
			.andExpect(status().is3xxRedirection());
		long meeting = jdbc.sql("SELECT max(id) FROM meeting WHERE candidate_id = ?").param(c.id()).query(Long.class).single();
		// the form starts at the time of recording
		mvc.perform(get("/cases/{id}/meetings/{m}/record", c.id(), meeting).with(METTE))
			.andExpect(content().string(containsString("value=\"" + LocalDate.now() + "T")));
		LocalDateTime heldAt = LocalDateTime.now().minusMinutes(30).withSecond(0).withNano(0);
		mvc.perform(post("/cases/{id}/meetings/{m}/record", c.id(), meeting).with(METTE).with(csrf())
			.param("heldAt", heldAt.toString()).param("talkedAbout", "Job").param("nextStep", "Søg job")
			.param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT held_at FROM meeting WHERE id = ?").param(meeting).query(java.sql.Timestamp.class)
			.single().toLocalDateTime()).isEqualTo(heldAt);
		String heldShown = heldAt.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
		String futureShown = future.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
		mvc.perform(get("/cases/{id}", c.id()).with(METTE))
			.andExpect(content().string(containsString("<td>" + heldShown + "</td>")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<td>" + futureShown + "</td>"))));
		assertThat(events.stream(MeetingHeld.class).filter(e -> e.meetingId() == meeting))
			.singleElement()
			.satisfies(e -> assertThat(e.heldAt()).isEqualTo(heldAt.atZone(java.time.ZoneId.systemDefault()).toInstant()));
	}

	@Test
	void aMeetingCannotBeRecordedAsHeldInTheFutureAndTheFormIsKept() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = planMeeting(c.id());
		mvc.perform(post("/cases/{id}/meetings/{m}/record", c.id(), meeting).with(METTE).with(csrf())
			.param("heldAt", LocalDateTime.now().plusDays(2).withSecond(0).withNano(0).toString())
			.param("talkedAbout", "Vi talte om rengøringsjob").param("nextStep", "Ring til Elite Miljø")
			.param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "heldAt", "casework.meeting.heldInFuture"))
			.andExpect(content().string(containsText("Tidspunktet ligger ude i fremtiden")))
			.andExpect(content().string(containsText("Vi talte om rengøringsjob")))
			.andExpect(content().string(containsText("Ring til Elite Miljø")));
		assertThat(jdbc.sql("SELECT status FROM meeting WHERE id = ?").param(meeting).query(String.class).single())
			.isEqualTo("PLANNED");
	}

	@Test
	void aMeetingHeldYesterdaySetsTheNextDueDateFromYesterday() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = planMeeting(c.id());
		LocalDate yesterday = LocalDate.now().minusDays(1);
		mvc.perform(post("/cases/{id}/meetings/{m}/record", c.id(), meeting).with(METTE).with(csrf())
			.param("heldAt", yesterday.atTime(14, 0).toString()).param("talkedAbout", "Job")
			.param("nextStep", "Søg job").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT last_meeting_on FROM candidate WHERE id = ?").param(c.id()).query(LocalDate.class)
			.single()).isEqualTo(yesterday);
		assertThat(jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(c.id()).query(LocalDate.class)
			.single()).isEqualTo(workingDays.plus(yesterday, 30));
	}

	@Test
	void planningASecondMeetingWhileOneIsPlannedWarnsAndPlansItOnlyWhenConfirmed() throws Exception {
		var c = candidates.make("sagsbehandler");
		planMeeting(c.id());
		String second = workingDays.plus(LocalDate.now(), 4).atTime(13, 0).toString();
		mvc.perform(post("/cases/{id}/meetings", c.id()).with(METTE).with(csrf())
			.param("plannedAt", second).param("form", "PHONE").param("agenda", "Opfølgning på CV"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Kandidaten har allerede en planlagt samtale")))
			.andExpect(content().string(containsText("Opfølgning på CV")))
			.andExpect(content().string(containsString("name=\"alsoWhenPlanned\"")));
		assertThat(jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id = ?").param(c.id()).query(Long.class).single())
			.isEqualTo(1);
		mvc.perform(post("/cases/{id}/meetings", c.id()).with(METTE).with(csrf())
			.param("plannedAt", second).param("form", "PHONE").param("agenda", "Opfølgning på CV")
			.param("alsoWhenPlanned", "true"))
			.andExpect(redirectedUrl("/cases/" + c.id()));
		assertThat(jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id = ?").param(c.id()).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void submittingTheSameMeetingTwiceRecordsItOnce() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = planMeeting(c.id());
		record(c.id(), meeting, "Ring til Bilka", "Næste skridt").andExpect(status().is3xxRedirection());
		record(c.id(), meeting, "Ring til Bilka", "Næste skridt")
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "casework.meeting.alreadyRecorded"));
		assertThat(jdbc.sql("SELECT count(*) FROM agreement WHERE meeting_id = ?").param(meeting).query(Long.class).single())
			.isEqualTo(1);
		assertThat(events.stream(MeetingHeld.class).filter(e -> e.meetingId() == meeting)).hasSize(1);
	}

	@Test
	void aMissingNextStepIsRefusedAndTheTypedAgreementsAreKept() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = planMeeting(c.id());
		record(c.id(), meeting, "Besøg plejecentret", "")
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "nextStep"))
			.andExpect(content().string(containsText("Besøg plejecentret")));
		assertThat(jdbc.sql("SELECT status FROM meeting WHERE id = ?").param(meeting).query(String.class).single())
			.isEqualTo("PLANNED");
	}

	@Test
	void aCaseworkerChangeCreatesAHandoverThatOnlyTheNewCaseworkerCanAcknowledge() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/reassign", c.id()).with(METTE).with(csrf())
			.param("caseworker", "sagsbehandler2").param("reason", "Mette går på barsel").param("version", "0"))
			.andExpect(redirectedUrl("/cases/" + c.id()));
		long handover = jdbc.sql("SELECT id FROM handover WHERE candidate_id = ?").param(c.id()).query(Long.class).single();
		assertThat(events.stream(CaseworkerChanged.class).filter(e -> e.candidateId() == c.id()))
			.singleElement()
			.satisfies(e -> assertThat(e.toCaseworker()).isEqualTo("sagsbehandler2"));
		// the candidate is told who the new caseworker is, in plain Danish
		assertThat(jdbc.sql("SELECT body FROM candidate_message WHERE candidate_id = ? AND kind = 'NEW_CASEWORKER'")
			.param(c.id()).query(String.class).single())
			.startsWith("Hej " + c.firstName() + ". Du har fået en ny jobkonsulent: Jonas Holm.");
		mvc.perform(get("/handovers").with(JONAS)).andExpect(content().string(containsText(c.firstName())));
		// Mette (no longer the caseworker) cannot acknowledge it
		mvc.perform(post("/cases/{id}/handovers/{h}/acknowledge", c.id(), handover).with(METTE).with(csrf()))
			.andExpect(flash().attribute("flash", "casework.handover.notYours"));
		mvc.perform(get("/cases/{id}/handovers/{h}", c.id(), handover).with(JONAS))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Mette går på barsel")));
		mvc.perform(post("/cases/{id}/handovers/{h}/acknowledge", c.id(), handover).with(JONAS).with(csrf()))
			.andExpect(flash().attribute("flash", "casework.handover.acknowledged"));
		assertThat(jdbc.sql("SELECT acknowledged_at IS NOT NULL FROM handover WHERE id = ?").param(handover)
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aStaleReassignIsRefusedAsAConflict() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/reassign", c.id()).with(METTE).with(csrf())
			.param("caseworker", "sagsbehandler2").param("reason", "Første").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/cases/{id}/reassign", c.id()).with(user("teamleder").roles("TEAM_LEAD")).with(csrf())
			.param("caseworker", "anja.berg").param("reason", "Anden").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret sagen")));
		assertThat(jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(c.id()).query(String.class).single())
			.isEqualTo("sagsbehandler2");
	}

	@Test
	void aWishForANewCaseworkerIsRegisteredAndLeadsToAnInvitation() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/change-request", c.id()).with(user("teamleder").roles("TEAM_LEAD")).with(csrf())
			.param("requestedOn", LocalDate.now().toString()).param("reason", "")
			.param("talkAt", nextWorkingDayAt10()))
			.andExpect(status().is3xxRedirection());
		assertThat(events.stream(NewCaseworkerRequested.class).filter(e -> e.candidateId() == c.id()))
			.singleElement()
			.satisfies(e -> assertThat(jdbc.sql("SELECT agenda FROM meeting WHERE id = ?").param(e.invitationMeetingId())
				.query(String.class).single()).contains("ny sagsbehandler"));
		assertThat(jdbc.sql("SELECT body FROM candidate_message WHERE candidate_id = ? AND kind = 'CHANGE_REQUEST_INVITATION'")
			.param(c.id()).query(String.class).single()).contains("Vi vil gerne tale med dig om det");
	}

	@Test
	void aWishDatedInTheFutureIsRefused() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(post("/cases/{id}/change-request", c.id()).with(METTE).with(csrf())
			.param("requestedOn", LocalDate.now().plusDays(3).toString()).param("talkAt", nextWorkingDayAt10()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "requestedOn", "form.notInFuture"));
	}
}
