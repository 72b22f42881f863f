package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;

/**
 * Min side, part 2 (issue 13, part A), over real HTTP with CSRF: the candidate chooses between offers (or asks for
 * something else) with their own reason, prepares the next meeting with their own items, marks their own agreements
 * done, starts a complaint and asks for a new caseworker. Each action is recorded as the candidate's ("kandidaten",
 * never a member of staff's name) and shows on the case's timeline and where the caseworker works; bad input gets a
 * clear Danish message and keeps what was typed; a repeated submission counts once; staff change a choice only with a
 * reason that the candidate sees; another candidate's ids answer 404 and change nothing; a staff session reaches none.
 */
@IntegrationTest
class MinSideChoicesIntegrationTest {

	/** The new pages of Min side, part 2 (part A). */
	static final List<String> PAGES = List.of("/min-side/forbered", "/min-side/klager/ny", "/min-side/ny-jobkonsulent");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebSession a;

	WebSession b;

	long aId;

	long bId;

	String tag;

	URI base() {
		return URI.create("http://localhost:" + port);
	}

	@BeforeEach
	void twoCandidates() {
		a = WebSession.anonymous(base());
		aId = a.loginAsDemoCandidate(3);
		b = WebSession.anonymous(base());
		bId = b.loginAsDemoCandidate(4);
		tag = String.valueOf(System.nanoTime());
	}

	long offer(long candidateId, String title) {
		return jdbc.sql("""
				INSERT INTO offer (candidate_id, kind, title, status, proposed_by, proposed_at)
				VALUES (?, 'INTERNSHIP', ?, 'PROPOSED', 'sagsbehandler', now()) RETURNING id""")
			.params(candidateId, title)
			.query(Long.class)
			.single();
	}

	long agreement(long candidateId, String responsible, String what) {
		return jdbc.sql("""
				INSERT INTO agreement (candidate_id, responsible, what, status, created_at)
				VALUES (?, ?, ?, 'OPEN', now()) RETURNING id""")
			.params(candidateId, responsible, what)
			.query(Long.class)
			.single();
	}

	/** Posts the form with this action on the page, with its fields as shown and the given ones changed. */
	static HttpResponse<byte[]> submit(WebSession session, String page, String action, Map<String, String> changes) {
		HttpResponse<byte[]> shown = session.get(page);
		Element form = Jsoup.parse(WebSession.text(shown)).selectFirst("form[action=" + action + "]");
		assertThat(form).as(action + " on " + page).isNotNull();
		Map<String, String> fields = new HashMap<>(WebSession.fields(form));
		fields.putAll(changes);
		return session.post(action, fields);
	}

	static String text(HttpResponse<byte[]> page) {
		return Jsoup.parse(WebSession.text(page)).text();
	}

	static String location(HttpResponse<byte[]> answer) {
		return answer.headers().firstValue("Location").orElse("");
	}

	String staffCasePage(long id) {
		WebSession staff = WebSession.login(base(), "leder", "demo");
		HttpResponse<byte[]> page = staff.get("/cases/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		return text(page);
	}

	@Test
	void theCandidateChoosesAnOfferWithTheirOwnReasonAndStaffChangeItOnlyWithAReasonTheCandidateSees() {
		long shop = offer(aId, "Praktik i en butik " + tag);
		long garden = offer(aId, "Praktik i en have " + tag);
		// no reason: a clear message, and the choice made is kept
		HttpResponse<byte[]> noReason = submit(a, "/min-side/plan", "/min-side/plan/valg",
				Map.of("choice", String.valueOf(garden), "reason", ""));
		assertThat(noReason.statusCode()).isEqualTo(200);
		Document page = Jsoup.parse(WebSession.text(noReason));
		assertThat(page.text()).contains("Skriv kort, hvorfor du vælger det.");
		assertThat(page.select("input[name=choice][value=" + garden + "]").attr("checked")).isNotNull();
		assertThat(page.select("input[name=choice][checked]").attr("value")).isEqualTo(String.valueOf(garden));
		// the choice, sent twice (a double click), counts once
		HttpResponse<byte[]> shown = a.get("/min-side/plan");
		Map<String, String> fields = new HashMap<>(
				WebSession.fields(Jsoup.parse(WebSession.text(shown)).selectFirst("form[action=/min-side/plan/valg]")));
		fields.put("choice", String.valueOf(garden));
		fields.put("reason", "Jeg kan lide at være ude " + tag);
		HttpResponse<byte[]> chosen = a.post("/min-side/plan/valg", fields);
		assertThat(chosen.statusCode()).isEqualTo(302);
		assertThat(location(chosen)).endsWith("/min-side/plan");
		assertThat(a.post("/min-side/plan/valg", fields).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT status || ' ' || decided_by FROM offer WHERE id = ?").param(garden).query(String.class)
			.single()).isEqualTo("CHOSEN kandidaten");
		assertThat(jdbc.sql("SELECT status FROM offer WHERE id = ?").param(shop).query(String.class).single())
			.isEqualTo("NOT_CHOSEN");
		assertThat(jdbc.sql("SELECT count(*) FROM offer_choice WHERE candidate_id = ? AND decided_by = 'kandidaten'")
			.param(aId).query(Long.class).single()).isEqualTo(1);
		assertThat(text(a.get("/min-side/plan"))).contains("Du valgte selv.").contains("Jeg kan lide at være ude " + tag)
			.doesNotContain("Vælg dit tilbud");

		// the caseworker sees it as the candidate's, on the timeline and in the plan
		assertThat(staffCasePage(aId)).contains("Kandidaten valgte et tilbud").contains("af kandidaten (Min side)")
			.contains("Praktik i en have " + tag + ": Jeg kan lide at være ude " + tag);
		WebSession staff = WebSession.login(base(), "leder", "demo");
		String plan = "/cases/" + aId + "/plan";
		assertThat(text(staff.get(plan))).contains("Kandidaten selv (Min side)");
		// a change without a reason is refused, with the form kept
		HttpResponse<byte[]> silent = submit(staff, plan, plan + "/decision", Map.of("offer", garden + ":"
				+ version(garden), "status", "NOT_CHOSEN", "reason", ""));
		assertThat(silent.statusCode()).isEqualTo(200);
		assertThat(text(silent)).contains("Skriv, hvorfor valget ændres.");
		assertThat(jdbc.sql("SELECT status FROM offer WHERE id = ?").param(garden).query(String.class).single())
			.isEqualTo("CHOSEN");
		// with a stale version it is refused too (someone changed it meanwhile)
		HttpResponse<byte[]> stale = submit(staff, plan, plan + "/decision", Map.of("offer", garden + ":"
				+ (version(garden) - 1), "status", "NOT_CHOSEN", "reason", "Forkert"));
		assertThat(stale.statusCode()).isEqualTo(200);
		// with a reason it is changed, and shows who and why, beside the candidate's own choice
		String why = "Praktikstedet lukkede " + tag;
		assertThat(submit(staff, plan, plan + "/decision", Map.of("offer", garden + ":" + version(garden), "status",
				"NOT_CHOSEN", "reason", why)).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT status || ' ' || changed_by || ' ' || decided_by FROM offer WHERE id = ?").param(garden)
			.query(String.class).single()).isEqualTo("NOT_CHOSEN leder kandidaten");
		assertThat(jdbc.sql("SELECT count(*) FROM offer_choice WHERE offer_id = ?").param(garden).query(Long.class)
			.single()).isEqualTo(2);
		String staffPlan = text(staff.get(plan));
		assertThat(staffPlan).contains("Historik over valg").contains(why).contains("Kandidaten selv (Min side)");
		assertThat(text(a.get("/min-side/plan"))).contains(why).contains("Jeg kan lide at være ude " + tag);
		assertThat(staffCasePage(aId)).contains("Valg af tilbud ændret af personale").contains(why);

		// new offers; the candidate asks for something else
		long mentor = offer(aId, "Mentor " + tag);
		assertThat(submit(a, "/min-side/plan", "/min-side/plan/valg",
				Map.of("choice", "ELSE", "reason", "Jeg vil hellere have et kursus " + tag)).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT status || ' ' || decided_by FROM offer WHERE id = ?").param(mentor).query(String.class)
			.single()).isEqualTo("DECLINED kandidaten");
		assertThat(staffCasePage(aId)).contains("Kandidaten bad om noget andet end tilbuddene");
	}

	int version(long offerId) {
		return jdbc.sql("SELECT version FROM offer WHERE id = ?").param(offerId).query(Integer.class).single();
	}

	@Test
	void theCandidatePreparesTheMeetingAndTheSummaryShowsTheirItemsWithTheAnswers() {
		// a meeting of its own, so the demo candidate keeps the planned meeting the test login looks for
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, agenda)
				VALUES (?, 'sagsbehandler', now() + interval '1 hour', 'IN_PERSON', 'PLANNED', 'Dagsorden') RETURNING id""")
			.param(aId).query(Long.class).single();
		jdbc.sql("UPDATE meeting_agenda_item SET deleted_at = now() WHERE candidate_id = ? AND deleted_at IS NULL")
			.param(aId).update();
		String page = "/min-side/forbered";
		String add = "/min-side/forbered/punkter";
		// too long: a clear message, and what was typed is kept
		String tooLong = "x".repeat(501);
		HttpResponse<byte[]> refused = submit(a, page, add, Map.of("text", tooLong));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(text(refused)).contains("Teksten er for lang");
		assertThat(Jsoup.parse(WebSession.text(refused)).select("textarea[name=text]").last().text()).isEqualTo(tooLong);
		assertThat(text(submit(a, page, add, Map.of("text", " ")))).contains("Skriv, hvad du vil tale om.");
		// added twice with the same request id: once
		Map<String, String> fields = new HashMap<>(WebSession.fields(
				Jsoup.parse(WebSession.text(a.get(page))).selectFirst("form[action=" + add + "]")));
		fields.put("text", "Kan jeg få hjælp til mit CV? " + tag);
		assertThat(a.post(add, fields).statusCode()).isEqualTo(302);
		assertThat(a.post(add, fields).statusCode()).isEqualTo(302);
		assertThat(submit(a, page, add, Map.of("text", "Hvad med kørekort? " + tag)).statusCode()).isEqualTo(302);
		assertThat(submit(a, page, add, Map.of("text", "Slet mig " + tag)).statusCode()).isEqualTo(302);
		List<Long> items = jdbc.sql("""
				SELECT id FROM meeting_agenda_item WHERE candidate_id = ? AND deleted_at IS NULL ORDER BY id""")
			.param(aId).query(Long.class).list();
		assertThat(items).hasSize(3);
		assertThat(jdbc.sql("SELECT count(*) FROM meeting_agenda_item WHERE meeting_id = ? AND deleted_at IS NULL")
			.param(meeting).query(Long.class).single()).isEqualTo(3);
		// changed, with the version shown; a stale version is refused with a message
		String change = "/min-side/forbered/punkter/" + items.get(1);
		assertThat(submit(a, page, change, Map.of("text", "Hvad med kørekort til lastbil? " + tag)).statusCode())
			.isEqualTo(302);
		HttpResponse<byte[]> stale = a.post(change, Map.of("text", "Gammel", "version", "0", "_csrf", a.csrf(a.get(page), change)));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(text(stale)).contains("Gammel");
		// deleted (twice: still one deletion)
		String delete = "/min-side/forbered/punkter/" + items.get(2) + "/slet";
		assertThat(submit(a, page, delete, Map.of()).statusCode()).isEqualTo(302);
		assertThat(a.post(delete, Map.of("_csrf", a.csrf(a.get(page), add))).statusCode()).isEqualTo(302);
		String prepared = text(a.get(page));
		assertThat(prepared).contains("Kan jeg få hjælp til mit CV? " + tag)
			.contains("Hvad med kørekort til lastbil? " + tag).doesNotContain("Slet mig " + tag);

		// the caseworker records the meeting from the candidate's items, marked as theirs, and answers each
		WebSession staff = WebSession.login(base(), "leder", "demo");
		String record = "/cases/" + aId + "/meetings/" + meeting + "/record";
		Document recordPage = Jsoup.parse(WebSession.text(staff.get(record)));
		assertThat(recordPage.select("fieldset.candidate-items legend").text()).isEqualTo("Kandidatens egne punkter");
		assertThat(recordPage.select("fieldset.candidate-items label").eachText())
			.containsExactly("Svar på: Kan jeg få hjælp til mit CV? " + tag, "Svar på: Hvad med kørekort til lastbil? " + tag);
		// once the meeting has begun, the candidate can no longer change the items
		jdbc.sql("UPDATE meeting SET planned_at = now() - interval '5 minutes' WHERE id = ?").param(meeting).update();
		HttpResponse<byte[]> late = a.post("/min-side/forbered/punkter/" + items.get(0),
				Map.of("text", "For sent", "version", "0", "_csrf", a.csrf(a.get(page), add)));
		assertThat(text(late)).contains("Mødet er begyndt. Du kan ikke ændre punktet nu.");
		Map<String, String> answer = new HashMap<>(Map.of("talkedAbout", "Vi talte om CV og kørekort.", "nextStep",
				"Du sender dit CV.", "answer-" + items.get(0), "Ja, vi hjælper dig på torsdag " + tag));
		assertThat(submit(staff, record, record, answer).statusCode()).isEqualTo(302);
		String mine = text(a.get("/min-side/moeder"));
		assertThat(mine).contains("Det ville du gerne tale om").contains("Kan jeg få hjælp til mit CV? " + tag)
			.contains("Ja, vi hjælper dig på torsdag " + tag).contains("Hvad med kørekort til lastbil? " + tag);
		assertThat(text(staff.get("/cases/" + aId + "/meetings/" + meeting + "/summary")))
			.contains("Ja, vi hjælper dig på torsdag " + tag);
		assertThat(text(a.get(page))).doesNotContain("Kan jeg få hjælp til mit CV? " + tag);
		String timeline = staffCasePage(aId);
		assertThat(timeline).contains("Kandidaten tilføjede et punkt til samtalen").contains("Kandidaten ændrede et punkt")
			.contains("Kandidaten slettede et punkt").contains("Kandidatens punkt besvaret på samtalen");
		assertThat(jdbc.sql("SELECT count(*) FROM candidate_action WHERE candidate_id = ? AND kind = 'OWN_ITEM_ADDED' AND text LIKE ?")
			.params(aId, "%" + tag).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void anItemAddedWithNoMeetingPlannedGoesToTheNextMeetingTheCaseworkerPlans() {
		jdbc.sql("UPDATE meeting_agenda_item SET deleted_at = now() WHERE candidate_id = ? AND deleted_at IS NULL")
			.param(bId).update();
		// b has a planned meeting from the demo data: the item goes to it
		assertThat(submit(b, "/min-side/forbered", "/min-side/forbered/punkter", Map.of("text", "Løn under praktik " + tag))
			.statusCode()).isEqualTo(302);
		Long meetingId = jdbc.sql("SELECT meeting_id FROM meeting_agenda_item WHERE text = ?").param("Løn under praktik " + tag)
			.query(Long.class).single();
		assertThat(meetingId).isNotNull();
		// an item without a meeting is in the agenda the caseworker plans the next meeting from
		jdbc.sql("UPDATE meeting_agenda_item SET meeting_id = NULL WHERE text = ?").param("Løn under praktik " + tag).update();
		WebSession staff = WebSession.login(base(), "leder", "demo");
		String agenda = Jsoup.parse(WebSession.text(staff.get("/cases/" + bId + "/meetings/new")))
			.select("textarea[name=agenda]").text();
		assertThat(agenda).contains("Kandidatens egne punkter").contains("- Løn under praktik " + tag);
	}

	@Test
	void theCandidateMarksTheirOwnAgreementDoneAndTheCaseworkerSeesIt() {
		long mine = agreement(aId, "CANDIDATE", "Send dit CV " + tag);
		long ours = agreement(aId, "CASEWORKER", "Vi finder en praktik " + tag);
		String page = "/min-side/forbered";
		String done = "/min-side/forbered/aftaler/" + mine;
		String tooLong = "y".repeat(501);
		HttpResponse<byte[]> refused = submit(a, page, done, Map.of("note", tooLong));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(text(refused)).contains("Teksten er for lang");
		assertThat(Jsoup.parse(WebSession.text(refused)).select("#note-" + mine).text()).isEqualTo(tooLong);
		assertThat(submit(a, page, done, Map.of("note", "Sendt til tre butikker " + tag)).statusCode()).isEqualTo(302);
		assertThat(a.post(done, Map.of("note", "igen", "_csrf", a.csrf(a.get(page), "/min-side/forbered/punkter")))
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT candidate_done_note || ' ' || status FROM agreement WHERE id = ?").param(mine)
			.query(String.class).single()).isEqualTo("Sendt til tre butikker " + tag + " OPEN");
		assertThat(text(a.get(page))).contains("at du har gjort det").contains("Sendt til tre butikker " + tag);
		// the job centre's own agreement has no button, and a post is refused with a message
		assertThat(Jsoup.parse(WebSession.text(a.get(page))).select("form[action=/min-side/forbered/aftaler/" + ours + "]"))
			.isEmpty();
		HttpResponse<byte[]> notMine = a.post("/min-side/forbered/aftaler/" + ours,
				Map.of("note", "", "_csrf", a.csrf(a.get(page), "/min-side/forbered/punkter")));
		assertThat(text(notMine)).contains("Det er os, der skal gøre det.");
		assertThat(jdbc.sql("SELECT candidate_done_at IS NULL FROM agreement WHERE id = ?").param(ours).query(Boolean.class)
			.single()).isTrue();
		String casePage = staffCasePage(aId);
		assertThat(casePage).contains("Kandidaten har markeret som gjort: Sendt til tre butikker " + tag)
			.contains("Kandidaten har markeret en aftale som gjort");
		WebSession staff = WebSession.login(base(), "leder", "demo");
		assertThat(Jsoup.parse(WebSession.text(staff.get("/cases/" + aId + "/meetings/new"))).select("textarea[name=agenda]")
			.text()).contains("Kandidaten har markeret som gjort: Sendt til tre butikker " + tag);
	}

	@Test
	void theCandidateStartsAComplaintThatLandsInTheHandlersListWithTheDeadlines() {
		String page = "/min-side/klager/ny";
		HttpResponse<byte[]> empty = submit(a, page, page, Map.of());
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(text(empty)).contains("Skriv, hvilken afgørelse du klager over.")
			.contains("Skriv den dag, du fik afgørelsen.").contains("Skriv kort, hvad du er uenig i.");
		String decision = "Afgørelse om sanktion " + tag;
		// late without a reason: asked why, with the last day, and what was typed kept
		HttpResponse<byte[]> late = submit(a, page, page, Map.of("decisionRef", decision, "decisionReceivedOn",
				LocalDate.now().minusDays(60).toString(), "whatYouSay", "Jeg var syg " + tag));
		assertThat(late.statusCode()).isEqualTo(200);
		Document latePage = Jsoup.parse(WebSession.text(late));
		assertThat(latePage.text()).contains("Din klage kommer efter fristen").contains("Sidste dag var");
		assertThat(latePage.select("input[name=decisionRef]").attr("value")).isEqualTo(decision);
		assertThat(latePage.select("textarea[name=whatYouSay]").text()).isEqualTo("Jeg var syg " + tag);
		// in time
		Map<String, String> fields = new HashMap<>(WebSession.fields(
				Jsoup.parse(WebSession.text(a.get(page))).selectFirst("form[action=" + page + "]")));
		fields.putAll(Map.of("decisionRef", decision, "decisionReceivedOn", LocalDate.now().minusDays(3).toString(),
				"whatYouSay", "Jeg er ikke enig " + tag));
		HttpResponse<byte[]> sent = a.post(page, fields);
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(location(sent)).matches(".*/min-side/klager/\\d+/kvittering");
		assertThat(location(a.post(page, fields))).isEqualTo(location(sent));
		long id = Long.parseLong(location(sent).replaceAll(".*/klager/(\\d+)/.*", "$1"));
		var row = jdbc.sql("""
				SELECT channel, registered_by, complaint_deadline, late, status FROM complaint WHERE id = ?""")
			.param(id).query().singleRow();
		assertThat(row.get("channel")).isEqualTo("PORTAL");
		assertThat(row.get("registered_by")).isEqualTo("kandidaten");
		assertThat(row.get("late")).isEqualTo(false);
		assertThat(row.get("status")).isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE what_candidate_says = ?").param("Jeg er ikke enig " + tag)
			.query(Long.class).single()).isEqualTo(1);
		String receipt = text(a.get(location(sent)));
		assertThat(receipt).contains("Vi har fået din klage").contains(decision).contains("Sidste dag at klage")
			.contains("Ankestyrelsen senest");
		assertThat(text(a.get("/min-side/klager"))).contains(decision);
		// the complaint handler's list has it like any other
		WebSession handler = WebSession.login(base(), "klage", "demo");
		assertThat(text(handler.get("/complaints"))).contains(decision);
		assertThat(staffCasePage(aId)).contains("Kandidaten klagede over en afgørelse").contains(decision);
		// the late one, with a reason
		assertThat(submit(a, page, page, Map.of("decisionRef", decision + " (2)", "decisionReceivedOn",
				LocalDate.now().minusDays(60).toString(), "whatYouSay", "Jeg var syg", "lateReason", "Jeg lå på hospitalet"))
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT late FROM complaint WHERE decision_ref = ?").param(decision + " (2)")
			.query(Boolean.class).single()).isTrue();
		// another candidate's receipt answers as a missing one
		assertThat(b.get("/min-side/klager/" + id + "/kvittering").statusCode()).isEqualTo(404);
	}

	@Test
	void theCandidateAsksForANewCaseworkerAsTheExistingChangeRequest() {
		jdbc.sql("DELETE FROM caseworker_change_request WHERE candidate_id = ? AND registered_by = 'kandidaten'")
			.param(bId).update();
		String page = "/min-side/ny-jobkonsulent";
		HttpResponse<byte[]> tooLong = submit(b, page, page, Map.of("reason", "z".repeat(2001)));
		assertThat(text(tooLong)).contains("Teksten er for lang");
		Map<String, String> fields = new HashMap<>(WebSession.fields(
				Jsoup.parse(WebSession.text(b.get(page))).selectFirst("form[action=" + page + "]")));
		fields.put("reason", "Vi taler forbi hinanden " + tag);
		assertThat(b.post(page, fields).statusCode()).isEqualTo(302);
		assertThat(b.post(page, fields).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM caseworker_change_request WHERE candidate_id = ? AND registered_by = 'kandidaten'")
			.param(bId).query(Long.class).single()).isEqualTo(1);
		assertThat(text(b.get(page))).contains("Vi har fået dit ønske").contains("Vi taler forbi hinanden " + tag);
		assertThat(staffCasePage(bId)).contains("Ønske om ny sagsbehandler").contains("af kandidaten (Min side)");
	}

	@Test
	void anotherCandidatesIdsAnswer404AndChangeNothingAndStaffReachNone() {
		jdbc.sql("UPDATE meeting_agenda_item SET deleted_at = now() WHERE candidate_id = ? AND deleted_at IS NULL")
			.param(aId).update();
		assertThat(submit(a, "/min-side/forbered", "/min-side/forbered/punkter", Map.of("text", "A's punkt " + tag))
			.statusCode()).isEqualTo(302);
		long item = jdbc.sql("SELECT id FROM meeting_agenda_item WHERE text = ?").param("A's punkt " + tag)
			.query(Long.class).single();
		long agreement = agreement(aId, "CANDIDATE", "A's aftale " + tag);
		long offer = offer(aId, "A's tilbud " + tag);
		String token = b.csrf(b.get("/min-side/forbered"), "/min-side/forbered/punkter");
		for (String url : List.of("/min-side/forbered/punkter/" + item, "/min-side/forbered/punkter/" + item + "/slet",
				"/min-side/forbered/aftaler/" + agreement, "/min-side/forbered/punkter/999999999",
				"/min-side/forbered/aftaler/abc")) {
			HttpResponse<byte[]> answer = b.post(url, Map.of("text", "B var her", "version", "0", "note", "B", "_csrf", token));
			assertThat(answer.statusCode()).as(url).isEqualTo(404);
			assertThat(Jsoup.parse(WebSession.text(answer)).select("h1").text()).as(url).isEqualTo("Vi kan ikke finde siden");
		}
		// A's offer id in B's choice chooses nothing of A's
		HttpResponse<byte[]> choice = b.post("/min-side/plan/valg", Map.of("choice", String.valueOf(offer), "reason", "B",
				"requestId", java.util.UUID.randomUUID().toString(), "_csrf", token));
		assertThat(choice.statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT status FROM offer WHERE id = ?").param(offer).query(String.class).single())
			.isEqualTo("PROPOSED");
		assertThat(jdbc.sql("SELECT text || ' ' || (deleted_at IS NULL) FROM meeting_agenda_item WHERE id = ?").param(item)
			.query(String.class).single()).isEqualTo("A's punkt " + tag + " true");
		assertThat(jdbc.sql("SELECT candidate_done_at IS NULL FROM agreement WHERE id = ?").param(agreement)
			.query(Boolean.class).single()).isTrue();
		// B's pages show nothing of A's
		for (String page : PAGES) {
			assertThat(text(b.get(page))).as(page).doesNotContain("A's punkt " + tag).doesNotContain("A's aftale " + tag);
		}
		// without the CSRF token nothing is done
		assertThat(a.post("/min-side/forbered/punkter", Map.of("text", "uden token", "requestId",
				java.util.UUID.randomUUID().toString())).statusCode()).isEqualTo(403);
		// a staff session reaches none of it
		WebSession staff = WebSession.login(base(), "leder", "demo");
		for (String url : List.of("/min-side/forbered", "/min-side/klager/ny", "/min-side/ny-jobkonsulent",
				"/min-side/klager/1/kvittering")) {
			HttpResponse<byte[]> answer = staff.get(url);
			assertThat(answer.statusCode()).as(url).isEqualTo(302);
			assertThat(location(answer)).as(url).endsWith("/min-side/login");
		}
	}

	@Test
	void everyReadOfTheNewPagesIsInTheAuditLogWithTheCandidateAsActor() {
		long before = jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
		for (String page : PAGES) {
			assertThat(a.get(page).statusCode()).as(page).isEqualTo(200);
		}
		List<String> entries = jdbc.sql("""
				SELECT action || ' ' || detail FROM audit_entry WHERE actor = ? AND candidate_id = ? AND seq > ? ORDER BY seq""")
			.params("candidate:" + aId, aId, before).query(String.class).list();
		assertThat(entries).contains("VIEW_CASE min side: prepare the meeting", "VIEW_CASE min side: start a complaint",
				"VIEW_CASE min side: ask for a new caseworker");
	}
}
