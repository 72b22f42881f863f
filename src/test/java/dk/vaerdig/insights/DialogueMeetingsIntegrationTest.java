package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.insights.internal.dialogue.DialogueMeetings;
import dk.vaerdig.insights.internal.report.CommitteeReports.DialogueSummary;

/**
 * Dialogue meetings: only a candidate with a standing consent and a course in progress is ever invited (a revoked
 * consent never), the invitation goes through the outbox in plain Danish, the candidates' names are shown only to
 * those who organise, and a theme becomes a learning action that the committee's report names without a person.
 */
@IntegrationTest
class DialogueMeetingsIntegrationTest {

	static final RequestPostProcessor CASEWORKER = user("sagsbehandler").roles("CASEWORKER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	DialogueMeetings meetings;

	void consent(long candidate) throws Exception {
		mvc.perform(post("/cases/" + candidate + "/dialogue-consent").with(CASEWORKER).with(csrf())
			.param("givenOn", LocalDate.now().toString())).andExpect(status().is3xxRedirection());
	}

	String page(String path, RequestPostProcessor as) throws Exception {
		return mvc.perform(get(path).with(as)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aRevokedConsentOrAClosedCourseIsNeverInvited() throws Exception {
		var revoked = candidates.make("sagsbehandler");
		var yes = candidates.make("sagsbehandler");
		var closed = candidates.make("sagsbehandler");
		var never = candidates.make("sagsbehandler");
		consent(revoked.id());
		consent(yes.id());
		consent(closed.id());
		mvc.perform(post("/cases/" + revoked.id() + "/dialogue-consent/revoke").with(CASEWORKER).with(csrf()))
			.andExpect(status().is3xxRedirection());
		jdbc.sql("UPDATE candidate SET course_closed_on = current_date WHERE id = ?").param(closed.id()).update();
		assertThat(page("/cases/" + revoked.id() + "/dialogue-consent", CASEWORKER))
			.contains("Kandidaten har ikke sagt ja til at blive spurgt.").contains("sagsbehandler");

		long meeting = meetings.plan(LocalDate.now().plusDays(20), LocalTime.of(16, 30), "Rådhuset, mødesal 2",
				"Anna Andersen, Bo Berg", UUID.randomUUID(), "teamleder");
		assertThat(meetings.invitable(meeting)).extracting(c -> c.candidateId())
			.contains(yes.id())
			.doesNotContain(revoked.id(), closed.id(), never.id());
		// even named in the request, they are left out
		int n = meetings.invite(meeting, List.of(revoked.id(), yes.id(), closed.id(), never.id()), "teamleder");
		assertThat(n).isEqualTo(1);
		assertThat(meetings.invited(meeting)).extracting(DialogueMeetings.Invited::candidateId).containsExactly(yes.id());
		// a second invitation of the same candidate sends nothing more
		assertThat(meetings.invite(meeting, List.of(yes.id()), "teamleder")).isZero();
		List<String> sms = jdbc.sql("SELECT body FROM outgoing_message WHERE purpose = 'dialogue-invitation' AND candidate_id = ?")
			.param(yes.id())
			.query(String.class)
			.list();
		assertThat(sms).hasSize(1);
		assertThat(sms.get(0)).startsWith("Hej " + yes.firstName() + ".").contains("Du bestemmer selv").contains("kl. 16.30");
		assertThat(jdbc.sql("SELECT count(*) FROM outgoing_message WHERE purpose = 'dialogue-invitation' AND candidate_id IN (?, ?, ?)")
			.params(revoked.id(), closed.id(), never.id())
			.query(Long.class)
			.single()).isZero();
		// revoking after the invitation: not invited to the next meeting
		mvc.perform(post("/cases/" + yes.id() + "/dialogue-consent/revoke").with(CASEWORKER).with(csrf()));
		long next = meetings.plan(LocalDate.now().plusDays(40), LocalTime.of(10, 0), "Jobcentret", "Anna Andersen",
				UUID.randomUUID(), "teamleder");
		assertThat(meetings.invite(next, List.of(yes.id()), "teamleder")).isZero();
	}

	@Test
	void theCandidatesNamesAreShownOnlyToThoseWhoOrganise() throws Exception {
		var c = candidates.make("sagsbehandler");
		consent(c.id());
		long meeting = meetings.plan(LocalDate.now().plusDays(10), LocalTime.of(17, 0), "Biblioteket", "Carl Clausen",
				UUID.randomUUID(), "teamleder");
		meetings.invite(meeting, List.of(c.id()), "teamleder");
		String organiser = page("/insights/dialogue/" + meeting, user("teamleder").roles("TEAM_LEAD"));
		assertThat(organiser).contains(c.firstName() + " " + c.lastName());
		String politician = page("/insights/dialogue/" + meeting, user("politiker").roles("POLITICIAN"));
		assertThat(politician).contains("Biblioteket").doesNotContain(c.firstName()).doesNotContain(c.lastName());
		mvc.perform(post("/insights/dialogue/" + meeting + "/invite").with(user("politiker").roles("POLITICIAN"))
			.with(csrf()).param("candidate", String.valueOf(c.id()))).andExpect(status().isForbidden());
		mvc.perform(get("/insights/dialogue").with(CASEWORKER)).andExpect(status().isForbidden());
	}

	@Test
	void aThemeBecomesALearningActionAndTheReportSaysWhatCameOfItWithoutNames() throws Exception {
		// a meeting held in June 2009 (no other test has one then), three candidates came: too few to show the number
		long meeting = jdbc.sql("""
				INSERT INTO dialogue_meeting (held_on, starts_at, place, politicians, request_id, created_by, created_at)
				VALUES (DATE '2009-06-10', TIME '16:00', 'Rådhuset', 'Anna Andersen', ?, 'teamleder', now()) RETURNING id""")
			.param(UUID.randomUUID())
			.query(Long.class)
			.single();
		for (int i = 0; i < 3; i++) {
			var c = candidates.make("sagsbehandler");
			jdbc.sql("INSERT INTO dialogue_invitation (meeting_id, candidate_id, channel, invited_by, invited_at, came) VALUES (?, ?, 'SMS', 'teamleder', now(), TRUE)")
				.params(meeting, c.id())
				.update();
		}
		RequestPostProcessor lead = user("teamleder").roles("TEAM_LEAD");
		mvc.perform(post("/insights/dialogue/" + meeting + "/themes").with(lead).with(csrf()).param("theme", "Ventetid i telefonen"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/insights/dialogue/" + meeting + "/themes").with(lead).with(csrf()).param("theme", "breve"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/insights/dialogue/" + meeting + "/actions").with(lead).with(csrf())
			.param("theme", "ventetid i telefonen").param("title", "Flere telefontider om morgenen")
			.param("owner", "teamleder").param("deadline", LocalDate.now().plusWeeks(4).toString())
			.param("followUpOn", LocalDate.now().plusWeeks(12).toString())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT count(*) FROM learning_action WHERE title = 'Flere telefontider om morgenen' AND theme = 'ventetid i telefonen'")
			.query(Long.class).single()).isEqualTo(1);
		List<DialogueSummary> held = meetings.held(YearMonth.of(2009, 4), YearMonth.of(2009, 6));
		assertThat(held).hasSize(1);
		assertThat(held.get(0).cameHidden()).isTrue();
		assertThat(held.get(0).themes()).extracting(t -> t.theme() + "|" + t.learningAction())
			.containsExactly("breve|null", "ventetid i telefonen|Flere telefontider om morgenen");
		String report = page("/insights/committee-report?period=2009-Q2", user("politiker").roles("POLITICIAN"));
		assertThat(report).contains("Dialogmøde 10-06-2009, Rådhuset")
			.contains("Læringshandling: Flere telefontider om morgenen")
			.contains("for få til at vise antallet")
			.doesNotContain("Testa");
	}
}
