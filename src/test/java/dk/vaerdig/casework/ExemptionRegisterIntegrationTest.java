package dk.vaerdig.casework;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

/**
 * The exemption register through the web: registering (a reason required, idempotent, audit-logged, on the
 * timeline), ending with optimistic locking, the sick-leave limit of 26 weeks, a group that may not be exempted, the
 * 25 % ceiling refused, a change of target group; and who sees what on the reform page.
 */
@IntegrationTest
class ExemptionRegisterIntegrationTest {

	static final RequestPostProcessor METTE = user("sagsbehandler").roles("CASEWORKER");

	static final RequestPostProcessor LEAD = user("teamleder").roles("TEAM_LEAD");

	static final RequestPostProcessor MANAGER = user("leder").roles("MANAGER");

	static final RequestPostProcessor POLITICIAN = user("politiker").roles("POLITICIAN");

	static final RequestPostProcessor KLAGE = user("klage").roles("COMPLAINT_HANDLER");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	LocalDate today = LocalDate.now();

	ResultActions post(String url, RequestPostProcessor as, Map<String, String> params) throws Exception {
		MockHttpServletRequestBuilder request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
			.with(as).with(csrf());
		params.forEach(request::param);
		return mvc.perform(request);
	}

	ResultActions register(long id, String kind, String reason, LocalDate from, LocalDate to, LocalDate back,
			UUID request) throws Exception {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("kind", kind);
		p.put("reason", reason);
		p.put("startsOn", from.toString());
		p.put("endsOn", to == null ? "" : to.toString());
		p.put("expectedBack", back == null ? "" : back.toString());
		p.put("requestId", request.toString());
		return post("/cases/" + id + "/exemptions", METTE, p);
	}

	long exemptions(long id) {
		return jdbc.sql("SELECT count(*) FROM reform_exemption WHERE candidate_id = ?").param(id).query(Long.class).single();
	}

	@Test
	void aCaseworkerRegistersAnExemptionWithAReasonOnceAndEndsItForTheVersionShown() throws Exception {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		UUID request = UUID.randomUUID();
		register(id, "CONVERSATIONS", " ", today, null, null, request).andExpect(status().isOk())
			.andExpect(content().string(containsText("Begrundelse: Udfyld feltet.")));
		assertThat(exemptions(id)).isZero();

		register(id, "CONVERSATIONS", "Har fået job fra næste måned", today, null, null, request)
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		register(id, "CONVERSATIONS", "Har fået job fra næste måned", today, null, null, request)
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		assertThat(exemptions(id)).as("the same submission twice registers once").isEqualTo(1);
		LocalDate windowLast = LocalDate.now().minusDays(30).plusMonths(6).minusDays(1);
		assertThat(jdbc.sql("SELECT ends_on FROM reform_exemption WHERE candidate_id = ?").param(id).query(LocalDate.class)
			.single()).as("without an end: until the first 6 months end").isEqualTo(windowLast);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE candidate_id = ? AND detail = 'reform exemption registered'")
			.param(id).query(Long.class).single()).isEqualTo(1);
		mvc.perform(get("/cases/{id}", id).with(METTE)).andExpect(content().string(containsText("Fritaget for jobsamtaler")));
		mvc.perform(get("/cases/{id}/exemptions", id).with(METTE))
			.andExpect(content().string(containsText("i gruppen fritaget")))
			.andExpect(content().string(containsText("Loftet er 25 %.")));

		long exemption = jdbc.sql("SELECT id FROM reform_exemption WHERE candidate_id = ?").param(id).query(Long.class).single();
		Map<String, String> end = Map.of("endedOn", today.toString(), "reason", "Jobbet blev ikke til noget", "version", "0");
		post("/cases/" + id + "/exemptions/" + exemption + "/end", METTE, end)
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		post("/cases/" + id + "/exemptions/" + exemption + "/end", METTE, end).andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret fritagelsen imens")));
		assertThat(jdbc.sql("SELECT ended_on FROM reform_exemption WHERE id = ?").param(exemption).query(LocalDate.class)
			.single()).isEqualTo(today);
		mvc.perform(get("/cases/{id}", id).with(METTE)).andExpect(content().string(containsText("Fritagelse afsluttet")));
	}

	@Test
	void theCasePageShowsAnExemptionInForceTodayInWordsButNotOneEndedOrOneToCome() throws Exception {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		register(id, "CONVERSATIONS_AND_OFFERS", "Starter i job om tre uger", today, today.plusDays(20), null,
				UUID.randomUUID())
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		// one that ended yesterday and one that begins in five days
		jdbc.sql("""
				INSERT INTO reform_exemption (candidate_id, kind, reason, starts_on, ends_on, created_by, created_at,
				  request_id, ended_on, end_reason, ended_by, ended_at)
				VALUES (?, 'OFFERS', 'Test', ?, ?, 'sagsbehandler', now(), ?, ?, 'Slut', 'sagsbehandler', now()),
				       (?, 'CONVERSATIONS', 'Test', ?, ?, 'sagsbehandler', now(), ?, NULL, NULL, NULL, NULL)""")
			.params(id, today.minusDays(10), today.plusDays(30), UUID.randomUUID(), today.minusDays(1), id,
					today.plusDays(5), today.plusDays(40), UUID.randomUUID())
			.update();
		String page = mvc.perform(get("/cases/{id}", id).with(METTE))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		var badges = org.jsoup.Jsoup.parse(page).select("#exemptions-now .badge");
		assertThat(badges).extracting(org.jsoup.nodes.Element::text)
			.containsExactly("Fritaget nu: Jobsamtaler og tilbud, til og med "
					+ today.plusDays(20).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
		assertThat(badges.get(0).attr("href")).isEqualTo("/cases/" + id + "/exemptions");

		long other = candidates.make("sagsbehandler", "LAB02").id();
		mvc.perform(get("/cases/{id}", other).with(METTE)).andExpect(content().string(not(containsText("Fritaget nu"))));
	}

	@Autowired
	dk.vaerdig.casework.internal.Timeliness timeliness;

	@Autowired
	dk.vaerdig.platform.WorkingDays workingDays;

	LocalDate due(long id) {
		return jdbc.sql("SELECT next_meeting_due FROM candidate WHERE id = ?").param(id).query(LocalDate.class).single();
	}

	@Test
	void anExemptionFromConversationsPausesTheDueDateAndCancellingItGivesItBack() throws Exception {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		LocalDate held = today.minusDays(1);
		LocalDate base = timeliness.nextMeetingDue("LAB02", held).orElseThrow().date();
		jdbc.sql("UPDATE candidate SET last_meeting_on = ?, next_meeting_due = ? WHERE id = ?").params(held, base, id)
			.update();
		register(id, "OFFERS", "Kun tilbud", today, today.plusDays(13), null, UUID.randomUUID())
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		assertThat(due(id)).as("an exemption from offers alone pauses nothing").isEqualTo(base);
		long offers = jdbc.sql("SELECT id FROM reform_exemption WHERE candidate_id = ?").param(id).query(Long.class).single();
		post("/cases/" + id + "/exemptions/" + offers + "/end", METTE,
				Map.of("endedOn", held.toString(), "reason", "Fejl", "version", "0"))
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		register(id, "CONVERSATIONS", "Starter i job", today, today.plusDays(13), null, UUID.randomUUID())
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		assertThat(due(id)).isEqualTo(workingDays.plus(base, workingDays.between(held, today.plusDays(13))))
			.isAfter(base);
		long exemption = jdbc.sql("SELECT id FROM reform_exemption WHERE candidate_id = ? AND kind = 'CONVERSATIONS'")
			.param(id).query(Long.class).single();
		post("/cases/" + id + "/exemptions/" + exemption + "/end", METTE,
				Map.of("endedOn", held.toString(), "reason", "Fejl", "version", "0"))
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		assertThat(due(id)).as("cancelled before it began").isEqualTo(base);
	}

	@Test
	void theRulesRefuseSickLeaveOverTwentySixWeeksAGroupThatMayNotBeExemptedAndAReadOnlyRole() throws Exception {
		long id = candidates.make("sagsbehandler", "LAB02").id();
		register(id, "SICK_LEAVE", "Brækket ben", today, null, today.plusWeeks(27), UUID.randomUUID())
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("inden for 26 uger")));
		register(id, "SICK_LEAVE", "Brækket ben", today, null, today.plusWeeks(10), UUID.randomUUID())
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		assertThat(jdbc.sql("SELECT ends_on FROM reform_exemption WHERE candidate_id = ?").param(id).query(LocalDate.class)
			.single()).isEqualTo(today.plusWeeks(10).minusDays(1));

		long activityReady = candidates.make("sagsbehandler", "LAB03").id();
		register(activityReady, "OFFERS", "Syg", today, null, null, UUID.randomUUID()).andExpect(status().isOk())
			.andExpect(content().string(containsText("ikke i en gruppe, der kan fritages")));
		assertThat(exemptions(activityReady)).isZero();

		post("/cases/" + id + "/exemptions", KLAGE, Map.of("kind", "OFFERS", "reason", "x", "startsOn", today.toString(),
				"requestId", UUID.randomUUID().toString())).andExpect(status().isForbidden());
	}

	/**
	 * March 2031: the only persons in their first 6 months then are four made here (LAB02, which is G2027_JOBPARAT by
	 * then). One exempted is 25 %, the ceiling; a second would be 50 % and is refused.
	 */
	@Test
	void anExemptionThatWouldTakeTheMonthAboveTheCeilingIsRefused() throws Exception {
		long[] ids = new long[4];
		for (int i = 0; i < 4; i++) {
			ids[i] = candidates.make("sagsbehandler", "LAB02").id();
			jdbc.sql("UPDATE candidate SET course_started = DATE '2031-01-10' WHERE id = ?").param(ids[i]).update();
		}
		LocalDate march = LocalDate.of(2031, 3, 3);
		register(ids[0], "CONVERSATIONS_AND_OFFERS", "Kursus", march, null, null, UUID.randomUUID())
			.andExpect(redirectedUrl("/cases/" + ids[0] + "/exemptions"));
		register(ids[1], "CONVERSATIONS", "Kursus", march, null, null, UUID.randomUUID()).andExpect(status().isOk())
			.andExpect(content().string(containsText("over loftet på 25 % i 2031-03: 1 af 4")));
		assertThat(exemptions(ids[1])).isZero();
	}

	@Test
	void aChangeOfTargetGroupIsKeptWithItsDayAndOnTheTimeline() throws Exception {
		long id = candidates.make("sagsbehandler", "LAB01").id();
		int version = jdbc.sql("SELECT version FROM candidate WHERE id = ?").param(id).query(Integer.class).single();
		post("/cases/" + id + "/target-group", METTE, Map.of("targetGroup", "LAB02", "changedOn",
				today.minusDays(2).toString(), "version", String.valueOf(version)))
			.andExpect(redirectedUrl("/cases/" + id + "/exemptions"));
		post("/cases/" + id + "/target-group", METTE, Map.of("targetGroup", "LAB04", "changedOn",
				today.minusDays(1).toString(), "version", String.valueOf(version)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("En anden har ændret sagen imens")));
		assertThat(jdbc.sql("SELECT target_group_code FROM candidate WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("LAB02");
		assertThat(jdbc.sql("SELECT from_code || '>' || to_code || '@' || changed_on FROM target_group_change WHERE candidate_id = ?")
			.param(id).query(String.class).single()).isEqualTo("LAB01>LAB02@" + today.minusDays(2));
		mvc.perform(get("/cases/{id}", id).with(METTE)).andExpect(content().string(containsText("Målgruppe skiftet")));
	}

	/**
	 * A person of Team Job at risk today (LAB02, in the fifth month, no conversation held): the manager and the team
	 * lead see the name; the politician sees counts per team and no name; a caseworker may not open the page.
	 */
	@Test
	void theReformPageShowsNamesOnlyToThoseWhoReadTheCases() throws Exception {
		var made = candidates.make("sagsbehandler", "LAB02");
		jdbc.sql("UPDATE candidate SET course_started = ? WHERE id = ?").params(today.minusMonths(4), made.id()).update();
		String name = made.firstName() + " " + made.lastName();
		mvc.perform(get("/reform").with(MANAGER)).andExpect(status().isOk())
			.andExpect(content().string(containsText(name)))
			.andExpect(content().string(containsText("Loft 25 %, krav 75 %")));
		mvc.perform(get("/reform").with(LEAD)).andExpect(status().isOk()).andExpect(content().string(containsText(name)));
		mvc.perform(get("/reform").with(POLITICIAN)).andExpect(status().isOk())
			.andExpect(content().string(not(containsText(name))))
			.andExpect(content().string(containsText("Personer i risiko pr. hold")));
		mvc.perform(get("/reform").with(METTE)).andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE " + dk.vaerdig.access.AuditLog.ABOUT_CANDIDATE
				+ " AND actor = 'leder'")
			.params(made.id(), made.id()).query(Long.class).single()).isPositive();
	}
}
