package dk.vaerdig.surveys;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.platform.WorkingDays;

/** The evaluation loop end to end: meeting held → invitation → anonymous answer → follow-up → figures. */
@IntegrationTest
class SurveyLoopIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	dk.vaerdig.surveys.internal.Invitations invitations;

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	/** Plans and records a meeting as Mette, and waits for the survey module to make the invitation. */
	String heldMeetingToken(long candidateId) throws Exception {
		var mette = user("sagsbehandler").roles("CASEWORKER");
		mvc.perform(post("/cases/{id}/meetings", candidateId).with(mette).with(csrf())
			.param("plannedAt", workingDays.plus(LocalDate.now(), 1).atTime(10, 0).toString())
			.param("form", "IN_PERSON").param("agenda", "Dagsorden")).andExpect(status().is3xxRedirection());
		long meeting = jdbc.sql("SELECT max(id) FROM meeting WHERE candidate_id = ?").param(candidateId).query(Long.class).single();
		mvc.perform(post("/cases/{id}/meetings/{m}/record", candidateId, meeting).with(mette).with(csrf())
			.param("heldAt", LocalDateTime.now().minusHours(2).withSecond(0).withNano(0).toString())
			.param("talkedAbout", "Job").param("nextStep", "Søg job").param("version", "0"))
			.andExpect(status().is3xxRedirection());
		for (int i = 0; i < 100; i++) { // the listener runs after the commit, on another thread
			// the database has only the token's hash: the app makes the token again from the invitation's id
			var token = invitations.forMeeting(meeting).flatMap(invitations::token);
			if (token.isPresent()) {
				return token.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no invitation for meeting " + meeting);
	}

	MockHttpServletRequestBuilder answer(String token) {
		return answer(token, "Fin samtale.");
	}

	MockHttpServletRequestBuilder answer(String token, String comment) {
		return post("/s/{token}", token).param("q1", "5").param("q2", "4").param("q3", "0").param("q5", "2")
			.param("unanswered", "no").param("comment", comment);
	}

	long answers() {
		return jdbc.sql("SELECT count(*) FROM survey_answer").query(Long.class).single();
	}

	@Test
	void aHeldMeetingGivesAnInvitationThatIsAnsweredOnceAndAnonymously() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		// the invitation goes once, by SMS to the number on the case, with the link
		var sms = jdbc.sql("""
				SELECT m.channel, m.recipient, m.body FROM outgoing_message m
				JOIN survey_invitation i ON m.idempotency_key = 'survey-invitation:' || i.id WHERE i.token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')""")
			.param(token).query().singleRow();
		assertThat(sms).containsEntry("channel", "SMS").containsEntry("recipient", "+4511223344");
		assertThat((String) sms.get("body")).startsWith("Tak for samtalen.").contains("/s/" + token);
		mvc.perform(get("/s/{token}", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Hvordan var din samtale?")))
			.andExpect(content().string(not(containsText(c.firstName()))));
		long before = answers();
		String comment = "Fin samtale med " + c.firstName() + ". Mit cpr er 010190-1234.";
		mvc.perform(answer(token, comment)).andExpect(status().isOk()).andExpect(content().string(containsText("Tak for dit svar")));
		mvc.perform(answer(token, comment)).andExpect(status().isOk())
			.andExpect(content().string(containsText("Du har allerede svaret")));
		assertThat(answers()).isEqualTo(before + 1);
		String like = "Fin samtale med " + c.firstName() + ".%";
		var stored = jdbc.sql("SELECT comment, wants_contact FROM survey_answer WHERE comment LIKE ?").param(like)
			.query().singleRow();
		assertThat(stored.get("comment")).isEqualTo("Fin samtale med " + c.firstName() + ". Mit cpr er [CPR-nummer fjernet].");
		assertThat(stored.get("wants_contact")).isEqualTo(false);
		// the answer table has no column that leads back to the candidate or the invitation
		assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_answer'")
			.query(String.class).list()).doesNotContain("candidate_id", "invitation_id", "meeting_id", "token");
		// don't know is not a low score, and a question left out is no answer at all
		assertThat(jdbc.sql("""
				SELECT count(*) FROM survey_answer_item i JOIN survey_answer a ON a.id = i.answer_id
				WHERE a.comment LIKE ? AND i.dont_know""").param(like).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theInvitationGoesBySmsElseByEmailElseNotAtAll() throws Exception {
		var noPhone = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET phone = NULL, email = 'testa@eksempel.dk' WHERE id = ?").param(noPhone.id()).update();
		var unusablePhone = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET phone = '12 34', email = ' testb@eksempel.dk ' WHERE id = ?")
			.param(unusablePhone.id()).update();
		var neither = candidates.make("sagsbehandler");
		jdbc.sql("UPDATE candidate SET phone = NULL, email = NULL WHERE id = ?").param(neither.id()).update();
		String sql = """
				SELECT m.channel || ' ' || m.recipient FROM outgoing_message m
				JOIN survey_invitation i ON m.idempotency_key = 'survey-invitation:' || i.id WHERE i.token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')""";
		assertThat(jdbc.sql(sql).param(heldMeetingToken(noPhone.id())).query(String.class).list())
			.containsExactly("EMAIL testa@eksempel.dk");
		assertThat(jdbc.sql(sql).param(heldMeetingToken(unusablePhone.id())).query(String.class).list())
			.containsExactly("EMAIL testb@eksempel.dk");
		// no message, but the invitation is there for the QR code and the kiosk
		String token = heldMeetingToken(neither.id());
		assertThat(jdbc.sql(sql).param(token).query(String.class).list()).isEmpty();
		mvc.perform(get("/s/{token}", token)).andExpect(status().isOk())
			.andExpect(content().string(containsText("Hvordan var din samtale?")));
	}

	@Test
	void twoSimultaneousSubmitsStoreOneAnswer() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		long before = answers();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			results.add(pool.submit((Callable<Integer>) () -> mvc.perform(answer(token)).andReturn().getResponse().getStatus()));
		}
		for (Future<Integer> r : results) {
			assertThat(r.get()).isEqualTo(200);
		}
		pool.shutdown();
		assertThat(answers()).isEqualTo(before + 1);
	}

	@Test
	void anExpiredOrUnknownTokenGivesAFriendlyPage() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		jdbc.sql("UPDATE survey_invitation SET expires_at = now() - interval '1 day' WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(token).update();
		mvc.perform(get("/s/{token}", token)).andExpect(status().isOk())
			.andExpect(content().string(containsText("Spørgeskemaet er lukket")));
		mvc.perform(answer(token)).andExpect(content().string(containsText("Spørgeskemaet er lukket")));
		mvc.perform(get("/s/{token}", "findes-ikke")).andExpect(status().isOk())
			.andExpect(content().string(containsText("Vi kan ikke finde spørgeskemaet")));
	}

	@Test
	void askingForContactMakesAFollowUpForTheTeamWithADeadlineInWorkingDays() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		// asking for contact without saying how is refused, and what was typed stays
		mvc.perform(post("/s/{token}", token).param("q1", "2").param("unanswered", "yes").param("wantsContact", "yes")
			.param("comment", "Hvad med min ydelse?"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Vælg, hvordan vi skal kontakte dig")))
			.andExpect(content().string(containsText("Hvad med min ydelse?")));
		mvc.perform(post("/s/{token}", token).param("q1", "2").param("unanswered", "yes").param("wantsContact", "yes")
			.param("contactChannel", "PHONE").param("preferredTime", "Formiddag"))
			.andExpect(content().string(containsText("Vi kontakter dig inden for 2 arbejdsdage")));
		var task = jdbc.sql("SELECT id, due_on, status, version FROM survey_follow_up WHERE candidate_id = ?")
			.param(c.id()).query().singleRow();
		assertThat(task.get("due_on")).isEqualTo(java.sql.Date.valueOf(workingDays.plus(LocalDate.now(), 2)));
		assertThat(task.get("status")).isEqualTo("NEW");
		long id = ((Number) task.get("id")).longValue();
		var lead = user("teamleder").roles("TEAM_LEAD");
		mvc.perform(get("/surveys/follow-ups").with(lead)).andExpect(content().string(containsText(c.firstName())));
		// another team does not see it: answered as a missing task (404), so ids cannot be probed
		mvc.perform(get("/surveys/follow-ups/{id}", id).with(user("teamleder.syg").roles("TEAM_LEAD")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/surveys/follow-ups/{id}", id).with(lead).with(csrf())
			.param("status", "RESOLVED").param("note", "Ringede og svarede om ydelsen").param("version", "0"))
			.andExpect(flash().attribute("flash", "surveys.followUp.saved"));
		// a second handler working from the old version gets a conflict
		mvc.perform(post("/surveys/follow-ups/{id}", id).with(user("sagsbehandler").roles("CASEWORKER")).with(csrf())
			.param("status", "UNREACHABLE").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret sagen")));
		assertThat(jdbc.sql("SELECT status FROM survey_follow_up WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("RESOLVED");
	}

	@Test
	void theKioskShowsOnlyTheHandedOverQuestionnaireAndResetsAfterTheAnswer() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		long meeting = jdbc.sql("SELECT meeting_id FROM survey_invitation WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(token).query(Long.class).single();
		var kiosk = jdbc.sql("SELECT id, key FROM survey_kiosk ORDER BY id LIMIT 1").query().singleRow();
		String key = (String) kiosk.get("key");
		mvc.perform(post("/surveys/kiosks/{id}/hand-over", kiosk.get("id")).param("meeting", String.valueOf(meeting))
			.with(user("sagsbehandler").roles("CASEWORKER")).with(csrf()))
			.andExpect(flash().attribute("flash", "surveys.kiosks.handedOver"));
		mvc.perform(get("/kiosk/{key}", key)).andExpect(redirectedUrl("/s/" + token + "?kiosk=" + key));
		mvc.perform(get("/kiosk/{key}/next", key)).andExpect(header().string("HX-Redirect", "/s/" + token + "?kiosk=" + key));
		mvc.perform(answer(token).param("kiosk", key)).andExpect(content().string(containsText("Tak for dit svar")));
		mvc.perform(get("/kiosk/{key}", key)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString(token))))
			.andExpect(content().string(not(containsText(c.firstName()))));
		mvc.perform(get("/kiosk/{key}/next", key)).andExpect(status().isNoContent());
		// a caseworker of another team cannot send this candidate's questionnaire anywhere
		var other = candidates.make("sagsbehandler");
		String otherToken = heldMeetingToken(other.id());
		long otherMeeting = jdbc.sql("SELECT meeting_id FROM survey_invitation WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(otherToken).query(Long.class).single();
		mvc.perform(post("/surveys/kiosks/{id}/hand-over", kiosk.get("id")).param("meeting", String.valueOf(otherMeeting))
			.with(user("teamleder.syg").roles("TEAM_LEAD")).with(csrf()))
			.andExpect(flash().attribute("flashError", "surveys.kiosks.noInvitation"));
	}

	@Test
	void theDatabaseHoldsOnlyTheHashOfATokenSoItsReaderCannotAnswer() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		String hash = dk.vaerdig.surveys.internal.SurveyTokens.sha256(token);
		String row = jdbc.sql("SELECT row_to_json(i)::text FROM survey_invitation i WHERE token_sha256 = ?").param(hash)
			.query(String.class).single();
		assertThat(row).doesNotContain(token);
		assertThat(jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_invitation'")
			.query(String.class).list()).doesNotContain("token");
		// what a database reader has does not answer: neither the hash nor the id
		long id = jdbc.sql("SELECT id FROM survey_invitation WHERE token_sha256 = ?").param(hash).query(Long.class).single();
		for (String guess : List.of(hash, Long.toString(id))) {
			mvc.perform(answer(guess)).andExpect(content().string(containsText("Vi kan ikke finde spørgeskemaet")));
		}
		assertThat(jdbc.sql("SELECT used_on FROM survey_invitation WHERE id = ?").param(id).query(LocalDate.class).optional())
			.isEmpty();
		// the token itself answers, once
		mvc.perform(answer(token)).andExpect(content().string(containsText("Tak for dit svar")));
		mvc.perform(answer(token)).andExpect(content().string(containsText("Du har allerede svaret")));
	}

	@Test
	void anInvitationFromBeforeTokensWereHashedStillAnswersByItsLinkButIsNotShownAgain() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		long meeting = jdbc.sql("SELECT meeting_id FROM survey_invitation WHERE token_sha256 = ?")
			.param(dk.vaerdig.surveys.internal.SurveyTokens.sha256(token)).query(Long.class).single();
		// as V85 left an invitation made with a random token: only the hash of that token
		String old = "gammelt-" + System.nanoTime();
		jdbc.sql("UPDATE survey_invitation SET token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex') WHERE meeting_id = ?")
			.params(old, meeting).update();
		assertThat(dk.vaerdig.surveys.internal.SurveyTokens.sha256(old)).isEqualTo(jdbc.sql(
				"SELECT token_sha256 FROM survey_invitation WHERE meeting_id = ?").param(meeting).query(String.class).single());
		// the printed summary cannot show the old link again (nobody has the token), and says nothing wrong instead
		mvc.perform(get("/cases/{id}/meetings/{m}/summary", c.id(), meeting).with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/s/"))));
		mvc.perform(answer(old)).andExpect(content().string(containsText("Tak for dit svar")));
		mvc.perform(answer(token)).andExpect(content().string(containsText("Vi kan ikke finde spørgeskemaet")));
	}

	@Test
	void thePrintedSummaryCarriesTheQrCodeAndLink() throws Exception {
		var c = candidates.make("sagsbehandler");
		String token = heldMeetingToken(c.id());
		long meeting = jdbc.sql("SELECT meeting_id FROM survey_invitation WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(token).query(Long.class).single();
		mvc.perform(get("/cases/{id}/meetings/{m}/summary", c.id(), meeting).with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(content().string(containsString("data:image/png;base64,")))
			.andExpect(content().string(containsString("/s/" + token)));
	}

	@Test
	void theDashboardShowsRatesWithIntervalsAndHidesSmallGroups() throws Exception {
		var lead = user("teamleder").roles("TEAM_LEAD");
		mvc.perform(get("/insights/surveys").with(lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("(95 %-interval")))
			.andExpect(content().string(containsText("Svarprocent")));
		// a month with no answers at all for a made-up target group: every figure is hidden
		mvc.perform(get("/insights/surveys").param("targetGroup", "LAB09").param("from", "2026-11").param("to", "2026-11").with(lead))
			.andExpect(content().string(not(containsText("(95 %-interval"))));
		mvc.perform(get("/insights/surveys.csv").with(lead))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"));
		byte[] xlsx = mvc.perform(get("/insights/surveys.xlsx").with(lead)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheet("Spørgsmål");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isNotBlank();
			assertThat(workbook.getSheet("Teams").getRow(1).getCell(0).getStringCellValue()).startsWith("Team");
			// no cell anywhere is a formula
			workbook.forEach(s -> s.forEach(row -> row.forEach(cell ->
					assertThat(cell.getCellType()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA))));
		}
		mvc.perform(get("/insights/surveys").with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsText("Kandidaternes kommentarer"))));
	}

	@Test
	void theLobbyIsPublicAndHasNoPersonalData() throws Exception {
		mvc.perform(get("/lobby"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("I sagde – vi gjorde")))
			.andExpect(content().string(containsString("hx-trigger=\"every 60s\"")));
	}
}
