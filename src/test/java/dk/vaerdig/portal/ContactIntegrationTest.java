package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.messaging.PreferredChannel;
import dk.vaerdig.platform.WorkingDays;

/**
 * Issue 13 over real HTTP: the candidate says how they want to be contacted (kept on a form error, refused when the
 * page was changed since, on the timeline as "kandidaten", and followed by the messages), and writes with the job
 * centre in a thread of their own case only; the staff's list shows their unread messages with the day to answer by,
 * opening the thread marks them read, every read is in the audit log, and the notice to the candidate has no content.
 */
@IntegrationTest
class ContactIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Casework casework;

	@Autowired
	WorkingDays workingDays;

	WebSession a;

	WebSession b;

	long aId;

	long bId;

	URI base() {
		return URI.create("http://localhost:" + port);
	}

	@BeforeEach
	void twoCandidates() {
		a = WebSession.anonymous(base());
		aId = a.loginAsDemoCandidate(3);
		b = WebSession.anonymous(base());
		bId = b.loginAsDemoCandidate(4);
		noPreferences();
	}

	/** The demo candidates are shared with other tests: they leave with no preference, as they came. */
	@AfterEach
	void noPreferences() {
		jdbc.sql("DELETE FROM contact_preference_change WHERE candidate_id IN (?, ?)").params(aId, bId).update();
		jdbc.sql("DELETE FROM contact_preference WHERE candidate_id IN (?, ?)").params(aId, bId).update();
	}

	String caseworkerOf(long candidateId) {
		return jdbc.sql("SELECT caseworker FROM candidate WHERE id = ?").param(candidateId).query(String.class).single();
	}

	/** A caseworker of another team than the candidate's. */
	String otherTeamsCaseworker(long candidateId) {
		return jdbc.sql("""
				SELECT u.username FROM staff_user u WHERE u.role = 'CASEWORKER'
				  AND u.team_id <> (SELECT team_id FROM candidate WHERE id = ?) ORDER BY u.username LIMIT 1""")
			.param(candidateId)
			.query(String.class)
			.single();
	}

	static Map<String, String> form(WebSession session, String page, String action) {
		HttpResponse<byte[]> answer = session.get(page);
		assertThat(answer.statusCode()).as(page).isEqualTo(200);
		Document html = Jsoup.parse(WebSession.text(answer));
		return new LinkedHashMap<>(WebSession.fields(html.selectFirst("form[action=" + action + "]")));
	}

	@Test
	void theCandidatesChoiceIsStoredOnTheTimelineAndFollowedByTheNotices() {
		Map<String, String> fields = form(a, "/min-side/kontakt", "/min-side/kontakt");
		assertThat(fields).containsEntry("channel", "SMS").containsEntry("language", "da").containsEntry("version", "0");
		// an interpreter ticked without a language: a clear message, and what was typed is kept
		fields.put("channel", "EMAIL");
		fields.put("language", "en");
		fields.put("interpreter", "true");
		fields.put("interpreterLanguage", "");
		fields.put("easyRead", "true");
		HttpResponse<byte[]> refused = a.post("/min-side/kontakt", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(WebSession.text(refused));
		assertThat(page.select(".error-summary").text()).contains("Skriv, hvilket sprog tolken skal tale.");
		assertThat(page.select("input[name=channel][value=EMAIL]").hasAttr("checked")).isTrue();
		assertThat(page.select("input[name=easyRead]").hasAttr("checked")).isTrue();
		fields.put("interpreterLanguage", "arabisk");
		HttpResponse<byte[]> saved = a.post("/min-side/kontakt", fields);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(casework.contactDetails(aId).orElseThrow().channel()).isEqualTo(PreferredChannel.EMAIL);
		// the same form again (made from version 0, now 1): refused, and the page says so
		HttpResponse<byte[]> stale = a.post("/min-side/kontakt", fields);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(WebSession.text(stale)).select(".error-summary").text()).contains("ændret et andet sted");
		// on the timeline with "kandidaten" as the actor, and shown on the case page
		assertThat(jdbc.sql("SELECT changed_by FROM contact_preference_change WHERE candidate_id = ?").param(aId)
			.query(String.class).list()).containsExactly("kandidaten");
		WebSession staff = WebSession.login(base(), caseworkerOf(aId), "demo");
		String casePage = Jsoup.parse(WebSession.text(staff.get("/cases/" + aId))).select("#contact, #timeline").text();
		assertThat(casePage).contains("E-mail").contains("Engelsk").contains("arabisk").contains("Kontakt: e-mail");
		// a message from staff now reaches the candidate by e-mail, in English, without its content
		String text = "Din praktik starter mandag " + UUID.randomUUID();
		Map<String, String> write = form(staff, "/cases/" + aId + "/beskeder", "/cases/" + aId + "/beskeder");
		write.put("body", text);
		assertThat(staff.post("/cases/" + aId + "/beskeder", write).statusCode()).isEqualTo(302);
		var notice = jdbc.sql("""
				SELECT channel, body FROM outgoing_message WHERE purpose = 'case-message-notice' AND candidate_id = ?
				ORDER BY id DESC LIMIT 1""").param(aId).query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
		// by e-mail where the case has an address, else by SMS (the demo candidate's own details are left as they are)
		boolean hasEmail = jdbc.sql("SELECT email IS NOT NULL AND email LIKE '%@%' FROM candidate WHERE id = ?")
			.param(aId).query(Boolean.class).single();
		assertThat(notice.get(0)).isEqualTo(hasEmail ? "EMAIL" : "SMS");
		assertThat(notice.get(1)).contains("new message from the job centre").contains("/min-side/beskeder")
			.doesNotContain(text);
	}

	@Test
	void aMessageFromTheCandidateIsInTheStaffsListWithItsDeadlineUntilOpenedAndIsPartOfTheCase() {
		String text = "Kan vi flytte mødet? " + UUID.randomUUID();
		Map<String, String> fields = form(a, "/min-side/beskeder", "/min-side/beskeder");
		// an empty message: a clear message in Danish
		fields.put("body", "  ");
		HttpResponse<byte[]> empty = a.post("/min-side/beskeder", fields);
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(WebSession.text(empty)).select(".error-summary").text()).contains("Skriv din besked.");
		fields.put("body", text);
		assertThat(a.post("/min-side/beskeder", fields).statusCode()).isEqualTo(302);
		// the same form sent twice (a double click, a reload) is written once
		assertThat(a.post("/min-side/beskeder", fields).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM case_message WHERE candidate_id = ? AND body = ?").params(aId, text)
			.query(Integer.class).single()).isOne();
		assertThat(WebSession.text(a.get("/min-side/beskeder"))).contains(text);

		WebSession staff = WebSession.login(base(), caseworkerOf(aId), "demo");
		String replyBy = workingDays.plus(LocalDate.now(), 2).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
		Document inbox = Jsoup.parse(WebSession.text(staff.get("/beskeder")));
		assertThat(inbox.select("#unread a[href=/cases/" + aId + "/beskeder]")).hasSize(1);
		assertThat(inbox.select("#unread tr:has(a[href=/cases/" + aId + "/beskeder])").text()).contains(replyBy);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE (candidate_id = ? OR candidate_ids @> ARRAY[?]::bigint[]) AND action = 'VIEW_LIST' AND detail = 'unanswered messages'")
			.params(aId, aId).query(Integer.class).single()).isPositive();
		// opening the thread marks it read (and is recorded); the list no longer shows the candidate
		String thread = WebSession.text(staff.get("/cases/" + aId + "/beskeder"));
		assertThat(thread).contains(text);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE candidate_id = ? AND action = 'VIEW_DOCUMENT' AND actor = ?")
			.params(aId, caseworkerOf(aId)).query(Integer.class).single()).isPositive();
		assertThat(Jsoup.parse(WebSession.text(staff.get("/beskeder"))).select("a[href=/cases/" + aId + "/beskeder]")).isEmpty();
		// part of the case file: on the timeline, and in the candidate's own copy of their data
		assertThat(Jsoup.parse(WebSession.text(staff.get("/cases/" + aId))).select("#timeline").text())
			.contains("Besked fra kandidaten").contains(text);
		assertThat(WebSession.text(a.get("/min-side/mine-data/json"))).contains(text);
		// the candidate sees that we have read it
		assertThat(WebSession.text(a.get("/min-side/beskeder"))).contains("Vi har læst den.");
	}

	@Test
	void onlyTheCandidatesOwnThreadAsAnotherCandidateAsAnotherTeamAndAsAStaffSession() {
		String aText = "A skriver " + UUID.randomUUID();
		Map<String, String> fields = form(a, "/min-side/beskeder", "/min-side/beskeder");
		fields.put("body", aText);
		a.post("/min-side/beskeder", fields);
		// B sees none of A's thread, whatever id the address carries
		for (long id : List.of(aId, bId, 0L, -1L)) {
			assertThat(WebSession.text(b.get("/min-side/beskeder?candidateId=" + id + "&id=" + id))).doesNotContain(aText);
		}
		// B's form posted with A's id still writes in B's own thread
		Map<String, String> bFields = form(b, "/min-side/beskeder", "/min-side/beskeder");
		bFields.put("body", "B skriver");
		bFields.put("candidateId", String.valueOf(aId));
		b.post("/min-side/beskeder", bFields);
		assertThat(jdbc.sql("SELECT count(*) FROM case_message WHERE candidate_id = ? AND body = 'B skriver'").param(aId)
			.query(Integer.class).single()).isZero();
		// a candidate session reaches no staff page of the thread
		for (String url : List.of("/cases/" + aId + "/beskeder", "/cases/" + bId + "/beskeder", "/beskeder")) {
			HttpResponse<byte[]> answer = a.get(url);
			assertThat(answer.statusCode()).as(url).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as(url).endsWith("/login");
		}
		// a caseworker of another team: every candidate id answers as a missing case, and the list does not show A
		WebSession other = WebSession.login(base(), otherTeamsCaseworker(aId), "demo");
		long teamOfA = jdbc.sql("SELECT team_id FROM candidate WHERE id = ?").param(aId).query(Long.class).single();
		List<Long> ids = jdbc.sql("SELECT id FROM candidate WHERE team_id = ? ORDER BY id").param(teamOfA)
			.query(Long.class).list();
		for (long id : ids) {
			assertThat(other.get("/cases/" + id + "/beskeder").statusCode()).as("case " + id).isEqualTo(404);
		}
		assertThat(other.get("/cases/999999999/beskeder").statusCode()).isEqualTo(404);
		assertThat(WebSession.text(other.get("/beskeder"))).doesNotContain("/cases/" + aId + "/beskeder");
		// and cannot write in it
		Map<String, String> staffForm = new LinkedHashMap<>();
		staffForm.put("_csrf", other.csrf(other.get("/beskeder"), "/logout"));
		staffForm.put("body", "Fra et andet team");
		staffForm.put("requestId", UUID.randomUUID().toString());
		assertThat(other.post("/cases/" + aId + "/beskeder", staffForm).statusCode()).isIn(403, 404);
		assertThat(jdbc.sql("SELECT count(*) FROM case_message WHERE candidate_id = ? AND body = 'Fra et andet team'")
			.param(aId).query(Integer.class).single()).isZero();
		// a staff session reaches none of the candidate's pages
		for (String url : List.of("/min-side/beskeder", "/min-side/kontakt")) {
			HttpResponse<byte[]> answer = other.get(url);
			assertThat(answer.statusCode()).as(url).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as(url).endsWith("/min-side/login");
		}
	}
}
