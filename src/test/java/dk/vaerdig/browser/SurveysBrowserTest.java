package dk.vaerdig.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.TestCandidates;

/** The evaluation in a real browser: answering on a phone, the kiosk, the follow-up queue, the dashboard, the lobby. */
class SurveysBrowserTest extends BrowserTest {

	@Autowired
	TestCandidates candidates;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dk.vaerdig.surveys.internal.SurveyTokens tokens;

	@AfterEach
	void desktopSize() {
		driver.manage().window().setSize(new Dimension(1280, 900));
	}

	/** A held meeting with an open invitation, as the survey module makes after MeetingHeld. */
	String invitation(TestCandidates.Made c) {
		long meeting = jdbc.sql("""
				INSERT INTO meeting (candidate_id, caseworker, planned_at, form, status, held_at, talked_about, next_step)
				VALUES (?, 'sagsbehandler', now(), 'IN_PERSON', 'HELD', now(), 'Job', 'Søg job') RETURNING id""")
			.param(c.id()).query(Long.class).single();
		// the token made as the app makes it (from the id), so the kiosk can show it again
		long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('survey_invitation', 'id'))").query(Long.class).single();
		String token = tokens.forInvitation(id);
		jdbc.sql("""
				INSERT INTO survey_invitation (id, token_sha256, meeting_id, candidate_id, team_id, target_group_code,
				  meeting_on, created_at, expires_at)
				SELECT ?, ?, ?, id, team_id, target_group_code, current_date, now(), now() + interval '14 days'
				FROM candidate WHERE id = ?""").params(id, dk.vaerdig.surveys.internal.SurveyTokens.sha256(token), meeting, c.id())
			.update();
		return token;
	}

	@Test
	void aCandidateAnswersOnAPhoneAndAsksToBeContacted() {
		var c = candidates.make("sagsbehandler");
		String token = invitation(c);
		driver.manage().window().setSize(new Dimension(390, 844));
		open("/s/" + token);
		assertThat(text()).contains("Hvordan var din samtale?", "Du er anonym");
		assertAccessible();
		find("label[for='q1-4']").click();
		find("label[for='q2-5']").click();
		find("label[for='q3-0']").click();
		find("label[for='unanswered-yes']").click();
		find("label[for='wantsContact']").click();
		submit("form.survey-form");
		assertThat(text()).contains("Vælg, hvordan vi skal kontakte dig");
		assertAccessible();
		new Select(find("#contactChannel")).selectByValue("PHONE");
		type("preferredTime", "Efter kl. 14");
		submit("form.survey-form");
		assertThat(text()).contains("Tak for dit svar", "inden for 2 arbejdsdage");
		assertAccessible();
		screenshot("survey-phone-thanks");
		open("/s/" + token);
		assertThat(text()).contains("Du har allerede svaret");
		assertAccessible();
	}

	@Test
	void theKioskShowsTheQuestionnaireAndReturnsToItsWelcomeScreen() {
		var c = candidates.make("sagsbehandler");
		String token = invitation(c);
		var kiosk = jdbc.sql("SELECT id, key FROM survey_kiosk ORDER BY id LIMIT 1").query().singleRow();
		long meeting = jdbc.sql("SELECT meeting_id FROM survey_invitation WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(token).query(Long.class).single();
		login("sagsbehandler");
		open("/surveys/kiosks?meeting=" + meeting);
		assertAccessible();
		find("form[action$='/hand-over'] button").click();
		waitFor(d -> d.findElement(By.tagName("body")).getText().contains("Spørgeskemaet venter nu på kiosken"));
		driver.manage().deleteAllCookies();
		open("/kiosk/" + kiosk.get("key"));
		assertThat(driver.getCurrentUrl()).contains("/s/" + token);
		assertThat(text()).doesNotContain(c.firstName()).contains("Hvordan var din samtale?");
		assertAccessible();
		find("label[for='q1-5']").click();
		submit("form.survey-form");
		assertThat(text()).contains("Tak for dit svar");
		find("a.button--large").click();
		waitFor(d -> d.getCurrentUrl().endsWith("/kiosk/" + kiosk.get("key")));
		assertThat(text()).contains("Din jobkonsulent sender spørgeskemaet").doesNotContain(c.firstName());
		assertAccessible();
	}

	@Test
	void theTeamLeadFollowsUpAndSeesTheFigures() {
		login("teamleder");
		open("/surveys/follow-ups");
		assertAccessible();
		open("/insights/surveys");
		assertThat(text()).contains("Kandidaternes evaluering", "Svarprocent", "95 %-interval");
		assertAccessible();
		screenshot("survey-dashboard");
		open("/insights/surveys?lang=en");
		assertThat(text()).contains("Candidates' evaluation");
		assertAccessible();
		open("/insights/improvements");
		assertAccessible();
		type("youSaidDa", "Ventetiden i receptionen var lang.");
		type("weDidDa", "Vi har åbnet en ekstra skranke om mandagen.");
		submit("form.form");
		assertThat(text()).contains("Vi har åbnet en ekstra skranke om mandagen.");
	}

	@Test
	void theLobbyScreenIsReadableFromAcrossTheRoom() {
		open("/lobby");
		assertThat(text()).contains("Det siger I om jeres samtaler med os", "I sagde – vi gjorde");
		assertAccessible();
		screenshot("lobby");
	}

	@Test
	void theQuestionnaireVersionsPageIsAccessible() {
		login("kommunikation");
		open("/admin/surveys");
		assertThat(text()).contains("Spørgeskemaets versioner");
		assertAccessible();
	}
}
