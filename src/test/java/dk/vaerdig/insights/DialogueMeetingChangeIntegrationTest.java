package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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

/**
 * Changing and cancelling a dialogue meeting: a stale version is refused with what was typed kept, the invited
 * candidates are told once by the channel of their invitation, a second submit changes nothing more, and a cancelled
 * meeting stays, takes no attendance and is not counted as held.
 */
@IntegrationTest
class DialogueMeetingChangeIntegrationTest {

	static final RequestPostProcessor CASEWORKER = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor LEAD = user("teamleder").roles("TEAM_LEAD");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	@Autowired
	DialogueMeetings meetings;

	long invitedMeeting(TestCandidates.Made c, int inDays) throws Exception {
		mvc.perform(post("/cases/" + c.id() + "/dialogue-consent").with(CASEWORKER).with(csrf())
			.param("givenOn", LocalDate.now().toString())).andExpect(status().is3xxRedirection());
		long meeting = meetings.plan(LocalDate.now().plusDays(inDays), LocalTime.of(16, 30), "Rådhuset",
				"Anna Andersen", UUID.randomUUID(), "teamleder");
		assertThat(meetings.invite(meeting, List.of(c.id()), "teamleder")).isEqualTo(1);
		return meeting;
	}

	List<String> sent(String purpose, long candidate) {
		return jdbc.sql("SELECT body FROM outgoing_message WHERE purpose = ? AND candidate_id = ? ORDER BY id")
			.params(purpose, candidate)
			.query(String.class)
			.list();
	}

	String body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
		return r.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aChangeOfDayIsToldOnceByTheInvitationsChannelAndAStaleVersionIsRefusedKeepingWhatWasTyped()
			throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = invitedMeeting(c, 30);
		LocalDate newDay = LocalDate.now().plusDays(31);
		String request = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			// the same form sent twice: one change, one notice
			mvc.perform(post("/insights/dialogue/" + meeting + "/edit").with(LEAD).with(csrf())
				.param("heldOn", newDay.toString()).param("startsAt", "17:00").param("place", "Biblioteket")
				.param("politicians", "Anna Andersen, Bo Berg").param("version", "0").param("requestId", request))
				.andExpect(status().is3xxRedirection());
		}
		var m = meetings.find(meeting).orElseThrow();
		assertThat(m.heldOn()).isEqualTo(newDay);
		assertThat(m.place()).isEqualTo("Biblioteket");
		assertThat(m.version()).isEqualTo(1);
		List<String> told = sent("dialogue-changed", c.id());
		assertThat(told).hasSize(1);
		assertThat(told.get(0)).startsWith("Hej " + c.firstName() + ".").contains("kl. 17.00 på Biblioteket");

		// another form, shown with version 0 before the change: refused, what was typed is on the page again
		String page = body(mvc.perform(post("/insights/dialogue/" + meeting + "/edit").with(LEAD).with(csrf())
			.param("heldOn", newDay.toString()).param("startsAt", "18:15").param("place", "Jobcentrets kantine")
			.param("politicians", "Carl Clausen").param("version", "0").param("requestId", UUID.randomUUID().toString()))
			.andExpect(status().isOk()));
		assertThat(page).contains("En anden har ændret mødet").contains("value=\"Jobcentrets kantine\"")
			.contains("value=\"18:15\"");
		assertThat(meetings.find(meeting).orElseThrow().place()).isEqualTo("Biblioteket");

		// only the politicians changed: nothing to tell the candidate
		mvc.perform(post("/insights/dialogue/" + meeting + "/edit").with(LEAD).with(csrf())
			.param("heldOn", newDay.toString()).param("startsAt", "17:00").param("place", "Biblioteket")
			.param("politicians", "Carl Clausen").param("version", "1").param("requestId", UUID.randomUUID().toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(meetings.find(meeting).orElseThrow().politicians()).isEqualTo("Carl Clausen");
		assertThat(sent("dialogue-changed", c.id())).hasSize(1);
	}

	@Test
	void aCancelledMeetingStaysAsCancelledTakesNoAttendanceAndTheCandidateIsToldOnce() throws Exception {
		var c = candidates.make("sagsbehandler");
		long meeting = invitedMeeting(c, 12);
		// no reason: refused with the field's message
		assertThat(body(mvc.perform(post("/insights/dialogue/" + meeting + "/cancel").with(LEAD).with(csrf())
			.param("reason", " ").param("version", "0")).andExpect(status().isOk()))).contains("Udfyld feltet.");
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/insights/dialogue/" + meeting + "/cancel").with(LEAD).with(csrf())
				.param("reason", "Udvalget holder ekstraordinært møde").param("version", "0"))
				.andExpect(status().is3xxRedirection());
		}
		var m = meetings.find(meeting).orElseThrow();
		assertThat(m.cancelled()).isTrue();
		assertThat(m.cancelReason()).isEqualTo("Udvalget holder ekstraordinært møde");
		List<String> told = sent("dialogue-cancelled", c.id());
		assertThat(told).hasSize(1);
		assertThat(told.get(0)).startsWith("Hej " + c.firstName() + ".").contains("aflyst").contains("kl. 16.30");

		assertThatThrownBy(() -> meetings.attendance(meeting, m.version(), List.of(c.id())))
			.isInstanceOf(IllegalStateException.class);
		assertThat(meetings.invited(meeting).get(0).came()).isNull();
		assertThatThrownBy(() -> meetings.change(meeting, m.version(), m.heldOn(), m.startsAt(), "Et andet sted",
				"Anna Andersen", UUID.randomUUID(), "teamleder")).isInstanceOf(IllegalStateException.class);

		assertThat(body(mvc.perform(get("/insights/dialogue").with(LEAD)).andExpect(status().isOk())))
			.contains("/insights/dialogue/" + meeting).contains("aflyst");
		String page = body(mvc.perform(get("/insights/dialogue/" + meeting).with(LEAD)).andExpect(status().isOk()));
		assertThat(page).contains("Mødet blev aflyst den").contains("Udvalget holder ekstraordinært møde")
			.doesNotContain("/attendance").doesNotContain("/edit\"").doesNotContain("/themes\"");
		// a theme posted all the same (an old tab) is refused with the page's message, and nothing is recorded
		mvc.perform(post("/insights/dialogue/" + meeting + "/themes").with(LEAD).with(csrf()).param("theme", "ventetid"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "insights.dialogue.isCancelled"));
		assertThat(meetings.themes(meeting)).isEmpty();
	}

	@Test
	void theCommitteeReportDoesNotCountACancelledMeetingAsHeld() {
		// two meetings in March 2008 (no other test has one then); the cancelled one is not held
		long held = insert("2008-03-05");
		long cancelled = insert("2008-03-12");
		jdbc.sql("UPDATE dialogue_meeting SET cancelled_on = DATE '2008-03-01', cancel_reason = 'Sygdom', cancelled_by = 'teamleder' WHERE id = ?")
			.param(cancelled)
			.update();
		assertThat(meetings.held(YearMonth.of(2008, 1), YearMonth.of(2008, 3))).extracting(s -> s.date())
			.containsExactly(LocalDate.of(2008, 3, 5));
		assertThat(held).isNotEqualTo(cancelled);
	}

	long insert(String day) {
		return jdbc.sql("""
				INSERT INTO dialogue_meeting (held_on, starts_at, place, politicians, request_id, created_by, created_at)
				VALUES (CAST(? AS DATE), TIME '16:00', 'Rådhuset', 'Anna Andersen', ?, 'teamleder', now()) RETURNING id""")
			.params(day, UUID.randomUUID())
			.query(Long.class)
			.single();
	}
}
