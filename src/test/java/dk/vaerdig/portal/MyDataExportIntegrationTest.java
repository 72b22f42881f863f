package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateAuthentication;
import dk.vaerdig.access.CandidateIdentity;

/**
 * The insight export (GDPR art. 15): the candidate's own copy ("Hent mine data", JSON and PDF) holds the messages,
 * the bookings, the choices between offers, their own items for meetings, the agreements they marked done, how they
 * want to be contacted and the SMS and e-mails sent to them (the reminders); and a member of staff with
 * {@code EXPORT_PERSONAL_DATA} makes the same copy from the case page, with a required reason that goes in the audit
 * log (a CPR number in it masked), refused without the permission and for another team's candidate.
 */
@IntegrationTest
class MyDataExportIntegrationTest {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	String caseworker;

	long team;

	long me;

	String mark;

	@BeforeEach
	void aCandidateWhoDidEverything() {
		mark = "export-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
		team = jdbc.sql("INSERT INTO team (name, department) VALUES (?, 'Indsigt') RETURNING id").param(mark)
			.query(Long.class).single();
		caseworker = staff(mark, "CASEWORKER", team);
		me = candidates.make(caseworker).id();
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status)
				VALUES (?, ?, now() + interval '3 days', 'PHONE', 'PLANNED') RETURNING id""").params(me, caseworker)
			.query(Long.class).single();
		long slot = jdbc.sql("""
				INSERT INTO booking_slot (caseworker, team_id, for_team, starts_at, ends_at, form, place, status,
				  candidate_id, meeting_id, booked_at, created_by, created_at)
				VALUES (?, ?, FALSE, now() + interval '3 days', now() + interval '3 days 45 minutes', 'PHONE', NULL,
				  'BOOKED', ?, ?, now(), ?, now()) RETURNING id""")
			.params(caseworker, team, me, meeting, caseworker).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO booking_action (request_id, candidate_id, action, slot_id, starts_at, actor, at)
				VALUES (gen_random_uuid(), ?, 'BOOKED', ?, now() + interval '3 days', 'kandidaten', now())""")
			.params(me, slot).update();
		long offer = jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, status, proposed_by, proposed_at, decided_at, reason,
				  decided_by)
				VALUES (?, 'INTERNSHIP', 'Praktik i Netto', 'CHOSEN', ?, now(), now(), 'Jeg kan lide butikker', 'kandidaten')
				RETURNING id""").params(me, caseworker).query(Long.class).single();
		jdbc.sql("""
				INSERT INTO offer_choice (candidate_id, offer_id, status, reason, decided_by, decided_at)
				VALUES (?, ?, 'CHOSEN', 'Jeg kan lide butikker', 'kandidaten', now())""").params(me, offer).update();
		jdbc.sql("""
				INSERT INTO meeting_agenda_item (candidate_id, text, added_at) VALUES (?, 'Kan jeg få hjælp til mit CV?', now())""")
			.param(me).update();
		jdbc.sql("""
				INSERT INTO agreement (candidate_id, responsible, what, status, created_at, candidate_done_at,
				  candidate_done_note)
				VALUES (?, 'CANDIDATE', 'Søge tre job', 'OPEN', now(), now(), 'Jeg søgte fire')""").param(me).update();
		jdbc.sql("""
				INSERT INTO case_message (candidate_id, request_id, from_candidate, written_by, written_at, body, reply_by)
				VALUES (?, gen_random_uuid(), TRUE, 'kandidaten', now(), 'Hvornår ses vi?', current_date + 3)""")
			.param(me).update();
		jdbc.sql("""
				INSERT INTO outgoing_message (idempotency_key, channel, recipient, body, purpose, status, created_at,
				  sent_at, candidate_id, team_id)
				VALUES (?, 'SMS', '+4511223344', 'Husk dit møde i morgen kl. 10.00', 'meeting-reminder', 'SENT', now(),
				  now(), ?, ?)""").params("meeting-reminder:" + mark, me, team).update();
	}

	String staff(String username, String role, long teamId) {
		jdbc.sql("""
				INSERT INTO staff_user (username, display_name, phone, role, team_id)
				VALUES (?, 'Ida Indsigt', '12 34 56 78', ?, ?) ON CONFLICT DO NOTHING""").params(username, role, teamId)
			.update();
		return username;
	}

	static RequestPostProcessor as(long candidate) {
		return authentication(new CandidateAuthentication(new CandidateIdentity(candidate, "Test", AssuranceLevel.SUBSTANTIAL)));
	}

	MockHttpServletResponse export(String staff, String role, String reason, String format) throws Exception {
		return mvc.perform(post("/cases/" + me + "/indsigt").with(user(staff).roles(role)).with(csrf())
			.param("reason", reason).param("format", format)).andReturn().getResponse();
	}

	static String pdfText(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
	}

	long exportsLogged(String actor) {
		return jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor = ? AND candidate_id = ? AND action = 'EXPORT'")
			.params(actor, me).query(Long.class).single();
	}

	@Test
	void theCandidatesCopyHoldsTheirMessagesActionsContactChoiceAndTheRemindersSent() throws Exception {
		String json = mvc.perform(get("/min-side/mine-data/json").with(as(me))).andReturn().getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(json, "$.messages[*].body")).containsExactly("Hvornår ses vi?");
		assertThat(JsonPath.<List<String>>read(json, "$.bookings[*].action")).containsExactly("BOOKED");
		assertThat(JsonPath.<List<Boolean>>read(json, "$.bookings[*].byYou")).containsExactly(true);
		assertThat(JsonPath.<List<String>>read(json, "$.bookings[*].form")).containsExactly("PHONE");
		assertThat(JsonPath.<List<String>>read(json, "$.offerChoices[*].offer")).containsExactly("Praktik i Netto");
		assertThat(JsonPath.<List<String>>read(json, "$.offerChoices[*].reason")).containsExactly("Jeg kan lide butikker");
		assertThat(JsonPath.<List<String>>read(json, "$.plan.offers[*].reason")).containsExactly("Jeg kan lide butikker");
		assertThat(JsonPath.<List<String>>read(json, "$.ownItems[*].text")).containsExactly("Kan jeg få hjælp til mit CV?");
		assertThat(JsonPath.<List<String>>read(json, "$.agreementsDone[*].note")).containsExactly("Jeg søgte fire");
		assertThat(JsonPath.<String>read(json, "$.contactPreference.channel")).isNotBlank();
		assertThat(JsonPath.<List<String>>read(json, "$.sentToYou[*].purpose")).containsExactly("meeting-reminder");
		assertThat(JsonPath.<List<String>>read(json, "$.sentToYou[*].text")).containsExactly("Husk dit møde i morgen kl. 10.00");
		String pdf = pdfText(mvc.perform(get("/min-side/mine-data/pdf").with(as(me))).andReturn().getResponse()
			.getContentAsByteArray());
		assertThat(pdf).contains("Hvornår ses vi?")
			.contains("Møder, du har booket").contains("Booket")
			.contains("Dine valg af tilbud").contains("Praktik i Netto")
			.contains("Kan jeg få hjælp til mit CV?")
			.contains("Aftaler, du har klaret").contains("Din note: Jeg søgte fire")
			.contains("Husk dit møde i morgen kl. 10.00");
	}

	@Test
	void theCaseworkerMakesTheSameCopyWithAReasonAndTheAuditLogSaysWhoForWhomAndWhy() throws Exception {
		String page = mvc.perform(get("/cases/" + me + "/indsigt").with(user(caseworker).roles("CASEWORKER")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("aktindsigt").contains("name=\"reason\"");
		assertThat(mvc.perform(get("/cases/" + me).with(user(caseworker).roles("CASEWORKER"))).andReturn().getResponse()
			.getContentAsString()).contains("/cases/" + me + "/indsigt");
		String own = mvc.perform(get("/min-side/mine-data/json").with(as(me))).andReturn().getResponse()
			.getContentAsString();
		MockHttpServletResponse json = export(caseworker, "CASEWORKER",
				"Ringede og bad om aktindsigt, CPR 010203-1234", "JSON");
		assertThat(json.getStatus()).isEqualTo(200);
		assertThat(json.getHeader("Content-Disposition")).contains("attachment");
		String theirs = json.getContentAsString();
		for (String part : List.of("$.details", "$.story", "$.plan", "$.meetings", "$.notes", "$.letters",
				"$.complaints", "$.contactPreference", "$.messages", "$.bookings", "$.offerChoices", "$.ownItems",
				"$.agreementsDone", "$.sentToYou")) {
			assertThat(JsonPath.<Object>read(theirs, part)).as(part).isEqualTo(JsonPath.read(own, part));
		}
		List<String> details = jdbc.sql("""
				SELECT detail FROM audit_entry WHERE actor = ? AND candidate_id = ? AND action = 'EXPORT'""")
			.params(caseworker, me).query(String.class).list();
		assertThat(details).singleElement().asString()
			.contains("insight export for the candidate as JSON")
			.contains("Ringede og bad om aktindsigt")
			.doesNotContain("010203-1234")
			.contains("xxxxxx-xxxx");
		// the copy the candidate gets next shows the export
		assertThat(JsonPath.<List<String>>read(mvc.perform(get("/min-side/mine-data/json").with(as(me))).andReturn()
			.getResponse().getContentAsString(), "$.accessLog[*].action")).contains("EXPORT");
		MockHttpServletResponse pdf = export(caseworker, "CASEWORKER", "Brev fra kandidaten", "PDF");
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdfText(pdf.getContentAsByteArray())).contains("Hvornår ses vi?").contains("Praktik i Netto");
		assertThat(exportsLogged(caseworker)).isEqualTo(2);
	}

	@Test
	void withoutAReasonNothingIsExportedAndTheFormSaysSoKeepingTheChoice() throws Exception {
		MockHttpServletResponse r = export(caseworker, "CASEWORKER", "  ", "PDF");
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(r.getContentType()).startsWith("text/html");
		assertThat(r.getContentAsString()).contains("Skriv grunden til kopien.").contains("value=\"PDF\" id=\"format1\" name=\"format\" checked");
		assertThat(exportsLogged(caseworker)).isZero();
	}

	@Test
	void refusedWithoutThePermissionAndForAnotherTeamsCandidate() throws Exception {
		String handler = staff(mark + "-klage", "COMPLAINT_HANDLER", team);
		assertThat(export(handler, "COMPLAINT_HANDLER", "Aktindsigt", "JSON").getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/cases/" + me + "/indsigt").with(user(handler).roles("COMPLAINT_HANDLER")))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/cases/" + me).with(user(handler).roles("COMPLAINT_HANDLER"))).andReturn()
			.getResponse().getContentAsString()).doesNotContain("/indsigt");
		long otherTeam = jdbc.sql("INSERT INTO team (name, department) VALUES (?, 'Indsigt') RETURNING id")
			.param(mark + "-andet").query(Long.class).single();
		String stranger = staff(mark + "-fremmed", "CASEWORKER", otherTeam);
		MockHttpServletResponse refused = export(stranger, "CASEWORKER", "Aktindsigt", "JSON");
		assertThat(refused.getStatus()).isIn(403, 404);
		assertThat(refused.getContentAsString()).doesNotContain("Hvornår ses vi?");
		assertThat(exportsLogged(handler) + exportsLogged(stranger)).isZero();
		// a candidate session reaches no staff page
		assertThat(mvc.perform(post("/cases/" + me + "/indsigt").with(as(me)).with(csrf()).param("reason", "x")
			.param("format", "JSON")).andReturn().getResponse().getStatus()).isIn(302, 401, 403);
	}
}
