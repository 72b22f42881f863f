package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;
import dk.vaerdig.platform.WorkingDays;

/**
 * A wish for a new caseworker sent from Min side (issue 13) waits in the team's work list with an answer-by day in
 * working days, and staff plan the talk from there with their own form: the wish gets the meeting, leaves the list, and
 * a second planning of the same wish plans nothing more.
 */
@IntegrationTest
class ChangeRequestWorkListIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	static Map<String, String> formFields(WebSession session, String page, String action) {
		Element form = Jsoup.parse(WebSession.text(session.get(page))).selectFirst("form[action=" + action + "]");
		assertThat(form).as(action + " on " + page).isNotNull();
		return new HashMap<>(WebSession.fields(form));
	}

	@Test
	void aWishFromMinSideWaitsInTheWorkListUntilStaffPlanTheTalkOnce() {
		URI base = URI.create("http://localhost:" + port);
		WebSession candidate = WebSession.anonymous(base);
		long id = candidate.loginAsDemoCandidate(4);
		jdbc.sql("DELETE FROM caseworker_change_request WHERE candidate_id = ? AND registered_by = 'kandidaten'")
			.param(id).update();
		String tag = String.valueOf(System.nanoTime());
		Map<String, String> wish = formFields(candidate, "/min-side/ny-jobkonsulent", "/min-side/ny-jobkonsulent");
		wish.put("reason", "Vi forstår ikke hinanden " + tag);
		assertThat(candidate.post("/min-side/ny-jobkonsulent", wish).statusCode()).isEqualTo(302);
		var row = jdbc.sql("""
				SELECT id, answer_by, meeting_id FROM caseworker_change_request
				WHERE candidate_id = ? AND registered_by = 'kandidaten'""").param(id).query().singleRow();
		long requestId = (Long) row.get("id");
		assertThat(((java.sql.Date) row.get("answer_by")).toLocalDate())
			.isEqualTo(workingDays.plus(LocalDate.now(), 3));
		assertThat(row.get("meeting_id")).isNull();

		WebSession lead = WebSession.login(base, "leder", "demo");
		HttpResponse<byte[]> list = lead.get("/change-requests");
		assertThat(list.statusCode()).isEqualTo(200);
		Document listPage = Jsoup.parse(WebSession.text(list));
		assertThat(listPage.text()).contains("Vi forstår ikke hinanden " + tag);
		String plan = "/cases/" + id + "/change-request?waiting=" + requestId;
		assertThat(listPage.select("a[href=" + plan + "]")).isNotEmpty();

		// the staff's own form, filled with the candidate's wish
		String action = "/cases/" + id + "/change-request";
		Map<String, String> fields = formFields(lead, plan, action);
		assertThat(fields.get("waitingId")).isEqualTo(String.valueOf(requestId));
		assertThat(fields.get("reason")).isEqualTo("Vi forstår ikke hinanden " + tag);
		fields.put("talkAt", workingDays.plus(LocalDate.now(), 4).atTime(10, 0).toString());
		long meetingsBefore = jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id = ?").param(id).query(Long.class).single();
		assertThat(lead.post(action, fields).statusCode()).isEqualTo(302);
		assertThat(lead.post(action, fields).statusCode()).isEqualTo(302); // a double submit plans nothing more
		assertThat(jdbc.sql("SELECT count(*) FROM meeting WHERE candidate_id = ?").param(id).query(Long.class).single())
			.isEqualTo(meetingsBefore + 1);
		assertThat(jdbc.sql("SELECT meeting_id IS NOT NULL FROM caseworker_change_request WHERE id = ?").param(requestId)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM caseworker_change_request WHERE candidate_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(jdbc.sql("""
					SELECT count(*) FROM caseworker_change_request WHERE candidate_id = ? AND id <= ?""")
				.params(id, requestId).query(Long.class).single());
		assertThat(Jsoup.parse(WebSession.text(lead.get("/change-requests"))).text())
			.doesNotContain("Vi forstår ikke hinanden " + tag);
	}
}
