package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;

/**
 * Min side, part 1, over real HTTP: every page (story, plan, meetings, letters, complaints, who has looked, the copy
 * of the data) shows the signed-in candidate's own data and none of another candidate's; every id in every address
 * tried as another candidate answers 404 as a missing one, with the candidate's own not-found page; a staff session
 * reaches none of it and a candidate session no staff page; every read is in the audit log with the candidate as
 * actor; the copy (PDF and JSON) holds everything but internal working notes and, by default, employees' names.
 */
@IntegrationTest
class MinSidePagesIntegrationTest {

	/** Every page of Min side (part 1) without an id. */
	static final List<String> PAGES = List.of("/min-side", "/min-side/historie", "/min-side/plan", "/min-side/moeder",
			"/min-side/breve", "/min-side/klager", "/min-side/hvem-har-set-mine-data", "/min-side/mine-data",
			"/min-side/tider", "/min-side/beskeder");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebSession a;

	WebSession b;

	long aId;

	long bId;

	Marks aMarks;

	Marks bMarks;

	/** The texts and ids made for one candidate, each unique to this test run. */
	record Marks(String story, String oldStory, String offerReason, String letterSubject, long letterId,
			String complaint, String publicNote, String internalNote, String meetingText) {

		List<String> onPages() {
			return List.of(story, oldStory, offerReason, letterSubject, complaint, meetingText);
		}
	}

	URI base() {
		return URI.create("http://localhost:" + port);
	}

	@BeforeEach
	void twoCandidatesWithTheirOwnData() {
		a = WebSession.anonymous(base());
		aId = a.loginAsDemoCandidate(3);
		b = WebSession.anonymous(base());
		bId = b.loginAsDemoCandidate(4);
		aMarks = data(aId, "A");
		bMarks = data(bId, "B");
	}

	Marks data(long candidateId, String who) {
		String tag = who + System.nanoTime();
		int version = jdbc.sql("SELECT coalesce(max(version), 0) FROM case_story WHERE candidate_id = ?")
			.param(candidateId).query(Integer.class).single();
		String oldStory = "Gammel historie " + tag;
		String story = "Ny historie " + tag;
		for (String text : List.of(oldStory, story)) {
			jdbc.sql("""
					INSERT INTO case_story (candidate_id, version, text, own_words, written_by, written_at)
					VALUES (?, ?, ?, TRUE, 'sagsbehandler', now())""").params(candidateId, ++version, text).update();
		}
		String reason = "Jeg kan lide dyr " + tag;
		jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, status, proposed_by, proposed_at, decided_at, reason)
				VALUES (?, 'INTERNSHIP', 'Praktik i en dyrehandel', 'CHOSEN', 'sagsbehandler', now(), now(), ?)""")
			.params(candidateId, reason).update();
		long versionId = jdbc.sql("SELECT min(id) FROM letter_template_version").query(Long.class).single();
		String subject = "Brev om dit forløb " + tag;
		long letterId = jdbc.sql("""
				INSERT INTO letter_sent (request_id, candidate_id, version_id, subject, body, channel, sent_by)
				VALUES (gen_random_uuid(), ?, ?, ?, ?, 'DIGITAL_POST', 'sagsbehandler') RETURNING id""")
			.params(candidateId, versionId, subject, "Hej. Her er dit brev " + tag + ". Venlig hilsen Jobcentret")
			.query(Long.class).single();
		String complaint = "Jeg er uenig " + tag;
		jdbc.sql("""
				INSERT INTO complaint (candidate_id, team_id, channel, received_on, decision_ref, decision_received_on,
				  complaint_deadline, late, what_candidate_says, category_id, reassess_by, forward_by, status, outcome,
				  reassessed_on, forwarded_on, registered_by, registered_at)
				SELECT c.id, c.team_id, 'LETTER', current_date - 10, 'Afgørelse om praktik', current_date - 20,
				  current_date + 8, FALSE, ?, (SELECT min(id) FROM complaint_category), current_date + 18,
				  current_date + 18, 'FORWARDED', 'NOT_UPHELD', current_date - 5, current_date - 2, 'klagebehandler', now()
				FROM candidate c WHERE c.id = ?""").params(complaint, candidateId).update();
		String publicNote = "Ringede og fortalte om sin praktik " + tag;
		String internalNote = "Overvejer om vi skal tilbyde mentor " + tag;
		jdbc.sql("INSERT INTO case_note (candidate_id, written_by, written_at, text, internal) VALUES (?, 'sagsbehandler', now(), ?, FALSE)")
			.params(candidateId, publicNote).update();
		jdbc.sql("INSERT INTO case_note (candidate_id, written_by, written_at, text, internal) VALUES (?, 'sagsbehandler', now(), ?, TRUE)")
			.params(candidateId, internalNote).update();
		String meetingText = "Vi talte om dit CV " + tag;
		jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about, next_step)
				VALUES (?, 'sagsbehandler', now() - interval '1 day', 'IN_PERSON', 'HELD', now() - interval '1 day', ?,
				  'Du sender dit CV')""").params(candidateId, meetingText).update();
		// a member of staff opened the case
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)
				VALUES (now(), 'sagsbehandler', ?, 'VIEW_CASE', 'forberedelse af samtale')""").param(candidateId).update();
		// and its plan page, recorded by the page's address
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, candidate_id, action, detail)
				VALUES (now(), 'sagsbehandler', ?, 'VIEW_CASE', ?)""").params(candidateId, "/cases/" + candidateId + "/plan")
			.update();
		// and a search showed the candidate among others: one entry naming them all, in the middle of the list
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, candidate_ids, action, detail)
				VALUES (now(), 'sagsbehandler', ARRAY[CAST(? AS BIGINT), ?, ?], 'SEARCH', ?)""")
			.params(candidateId + 1_000_000, candidateId, candidateId + 2_000_000, "liste over ledige " + candidateId).update();
		return new Marks(story, oldStory, reason, subject, letterId, complaint, publicNote, internalNote, meetingText);
	}

	static String text(HttpResponse<byte[]> page) {
		return Jsoup.parse(WebSession.text(page)).text();
	}

	@Test
	void everyPageShowsTheSignedInCandidatesOwnDataAndNobodyElses() {
		StringBuilder aAll = new StringBuilder();
		for (String page : PAGES) {
			HttpResponse<byte[]> answer = a.get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(200);
			Document html = Jsoup.parse(WebSession.text(answer));
			assertThat(html.select("nav.candidate-nav a[aria-current=page]").attr("href")).as(page).isEqualTo(page);
			String text = html.text();
			bMarks.onPages().forEach(mark -> assertThat(text).as(page).doesNotContain(mark));
			assertThat(text).doesNotContain(aMarks.internalNote()).doesNotContain(aMarks.publicNote());
			aAll.append(text);
		}
		aMarks.onPages().forEach(mark -> assertThat(aAll).contains(mark));
		// the letter on the page and as PDF
		String letter = text(a.get("/min-side/breve/" + aMarks.letterId()));
		assertThat(letter).contains(aMarks.letterSubject()).contains("Her er dit brev");
		HttpResponse<byte[]> pdf = a.get("/min-side/breve/" + aMarks.letterId() + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(WebSession.contentType(pdf)).startsWith("application/pdf");
		assertThat(pdfText(pdf.body())).contains(aMarks.letterSubject());
		// ids of another candidate in query parameters change nothing
		for (String page : PAGES) {
			String text = text(a.get(page + "?candidateId=" + bId + "&id=" + bId));
			bMarks.onPages().forEach(mark -> assertThat(text).as(page).doesNotContain(mark));
		}
		// the story shows its earlier version; the complaint its deadlines
		assertThat(text(a.get("/min-side/historie"))).contains("Gamle udgaver").contains(aMarks.oldStory());
		assertThat(text(a.get("/min-side/klager"))).contains("Vi har sendt din klage til Ankestyrelsen")
			.contains("Vi sendte klagen til Ankestyrelsen").contains("Vi venter på svar fra Ankestyrelsen");
		// who has looked: the team and the purpose, not the employee's name (the setting is off by default)
		String looked = text(a.get("/min-side/hvem-har-set-mine-data"));
		String team = jdbc.sql("SELECT t.name FROM staff_user s JOIN team t ON t.id = s.team_id WHERE s.username = 'sagsbehandler'")
			.query(String.class).single();
		assertThat(looked).contains(team).contains("Noteret: forberedelse af samtale").contains("Din plan.")
			.contains("Fandt dig ved en søgning").contains("Noteret: liste over ledige " + aId)
			.doesNotContain("/cases/").doesNotContain("Mette Kjær")
			.doesNotContain("Du loggede ind");
	}

	@Test
	void everyReadIsInTheAuditLogWithTheCandidateAsActor() {
		long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
		for (String page : PAGES) {
			a.get(page);
		}
		a.get("/min-side/breve/" + aMarks.letterId());
		a.get("/min-side/breve/" + aMarks.letterId() + "/pdf");
		a.get("/min-side/mine-data/json");
		a.get("/min-side/mine-data/pdf");
		List<Map<String, Object>> entries = jdbc.sql("""
				SELECT candidate_id, action, detail FROM audit_entry WHERE actor = ? AND seq > ? ORDER BY seq""")
			.params("candidate:" + aId, before).query().listOfRows();
		assertThat(entries).allSatisfy(e -> assertThat(((Number) e.get("candidate_id")).longValue()).isEqualTo(aId));
		assertThat(entries).extracting(e -> e.get("action") + " " + e.get("detail")).contains(
				"VIEW_CASE min side: overview", "VIEW_CASE min side: story", "VIEW_CASE min side: plan",
				"VIEW_DOCUMENT min side: meeting summaries", "VIEW_DOCUMENT min side: letters",
				"VIEW_CASE min side: complaints", "VIEW_CASE min side: who has looked at my data",
				"VIEW_DOCUMENT min side: letter " + aMarks.letterId(),
				"EXPORT min side: letter " + aMarks.letterId() + " as PDF", "EXPORT min side: copy of my data as JSON",
				"EXPORT min side: copy of my data as PDF");
	}

	@Test
	void anotherCandidatesIdsAnswer404AsMissingWithTheCandidatesOwnErrorPage() {
		List<String> tried = new ArrayList<>();
		for (String id : List.of(String.valueOf(bMarks.letterId()), "999999999", "abc", "-1")) {
			tried.add("/min-side/breve/" + id);
			tried.add("/min-side/breve/" + id + "/pdf");
		}
		tried.add("/min-side/findes-ikke");
		tried.add("/min-side/breve/" + aMarks.letterId() + "/noget");
		for (String url : tried) {
			HttpResponse<byte[]> answer = a.get(url);
			assertThat(answer.statusCode()).as(url).isEqualTo(404);
			Document page = Jsoup.parse(WebSession.text(answer));
			assertThat(page.select("h1").text()).as(url).isEqualTo("Vi kan ikke finde siden");
			assertThat(page.select("nav.candidate-nav a[href=/min-side/breve]")).as(url).hasSize(1);
			assertThat(page.text()).as(url).doesNotContain(bMarks.letterSubject()).doesNotContain("administrator")
				.doesNotContain("support");
		}
		// the other candidate's letter and the missing one answer alike (but for the page's own address)
		assertThat(text(a.get("/min-side/breve/" + bMarks.letterId())))
			.isEqualTo(text(a.get("/min-side/breve/999999999")));
		// and B still reads their own letter
		assertThat(b.get("/min-side/breve/" + bMarks.letterId()).statusCode()).isEqualTo(200);
	}

	@Test
	void aStaffSessionReachesNoMinSidePageAndACandidateSessionNoStaffPage() {
		WebSession staff = WebSession.login(base(), "sagsbehandler", "demo");
		List<String> urls = new ArrayList<>(PAGES);
		urls.addAll(List.of("/min-side/breve/" + aMarks.letterId(), "/min-side/breve/" + aMarks.letterId() + "/pdf",
				"/min-side/mine-data/pdf", "/min-side/mine-data/json", "/min-side/findes-ikke"));
		for (String url : urls) {
			HttpResponse<byte[]> answer = staff.get(url);
			assertThat(answer.statusCode()).as(url).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as(url).endsWith("/min-side/login");
		}
		for (String url : List.of("/cases", "/cases/" + aId, "/letters", "/complaints", "/admin/audit")) {
			HttpResponse<byte[]> answer = a.get(url);
			assertThat(answer.statusCode()).as(url).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location").orElseThrow()).as(url).endsWith("/login")
				.doesNotContain("min-side");
		}
	}

	@Test
	void theCopyHoldsEverythingButInternalWorkingNotesAndEmployeesNames() throws Exception {
		// a note written through the staff form with the box ticked is internal; without, it is not
		WebSession staff = WebSession.login(base(), "sagsbehandler", "demo");
		HttpResponse<byte[]> casePage = staff.get("/cases/" + aId);
		assertThat(Jsoup.parse(WebSession.text(casePage)).select("input[type=checkbox][name=internal]")).hasSize(1);
		String token = staff.csrf(casePage, "/cases/" + aId + "/notes");
		String formInternal = "Arbejdsnote fra formularen " + System.nanoTime();
		String formPublic = "Notat fra formularen " + System.nanoTime();
		assertThat(staff.post("/cases/" + aId + "/notes", Map.of("text", formInternal, "internal", "true", "_csrf", token))
			.statusCode()).isEqualTo(302);
		assertThat(staff.post("/cases/" + aId + "/notes", Map.of("text", formPublic, "_csrf", token)).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("SELECT internal FROM case_note WHERE text = ?").param(formInternal).query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("SELECT internal FROM case_note WHERE text = ?").param(formPublic).query(Boolean.class)
			.single()).isFalse();

		HttpResponse<byte[]> json = a.get("/min-side/mine-data/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(WebSession.contentType(json)).startsWith("application/json");
		String data = WebSession.text(json);
		assertThat(data).contains(aMarks.story(), aMarks.oldStory(), aMarks.offerReason(), aMarks.letterSubject(),
				aMarks.complaint(), aMarks.publicNote(), aMarks.meetingText(), formPublic, "forberedelse af samtale",
				"\"accessLog\"", "\"employeeNamesShown\":false", "\"who\":\"YOU\"", "\"who\":\"STAFF\"");
		assertThat(data).doesNotContain(aMarks.internalNote()).doesNotContain(formInternal).doesNotContain("\"employee\":\"")
			.doesNotContain(bMarks.story());
		String cpr = jdbc.sql("SELECT cpr FROM candidate WHERE id = ?").param(aId).query(String.class).single();
		assertThat(data).doesNotContain(cpr).contains(cpr.substring(0, 6) + "-xxxx");

		HttpResponse<byte[]> pdf = a.get("/min-side/mine-data/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(WebSession.contentType(pdf)).startsWith("application/pdf");
		String pdfText = pdfText(pdf.body()).replaceAll("\\s+", " ");
		assertThat(pdfText).contains(aMarks.story(), aMarks.letterSubject(), aMarks.publicNote(), aMarks.meetingText(),
				"Hvem har set mine data");
		assertThat(pdfText).doesNotContain(aMarks.internalNote()).doesNotContain(formInternal).doesNotContain(cpr);
	}

	static String pdfText(byte[] pdf) {
		try (var document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
