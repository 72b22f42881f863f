package dk.vaerdig.complaints;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;

@IntegrationTest
class ComplaintsIntegrationTest {

	static final RequestPostProcessor HANDLER = user("klage").roles("COMPLAINT_HANDLER");

	/** Dates as a letter in Danish writes them, and in English, by a formatter of the test's own. */
	static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.forLanguageTag("da"));

	static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestCandidates candidates;

	MockHttpServletRequestBuilder register(long candidate, String ref, LocalDate decision, LocalDate received) {
		return post("/complaints").with(HANDLER).with(csrf()).param("candidateId", String.valueOf(candidate))
			.param("channel", "PHONE").param("decisionRef", ref)
			.param("decisionReceivedOn", decision == null ? "" : decision.toString())
			.param("receivedOn", received == null ? "" : received.toString())
			.param("whatCandidateSays", "Jeg er uenig i sanktionen").param("categoryId", "7");
	}

	long complaint(String ref) {
		return jdbc.sql("SELECT id FROM complaint WHERE decision_ref = ?").param(ref).query(Long.class).single();
	}

	@Test
	void missingOrImpossibleDatesGetClearMessagesAndNothingTypedIsLost() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(register(c.id(), "Sanktion af 3/11", null, LocalDate.now()))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "decisionReceivedOn"))
			.andExpect(content().string(containsText("Jeg er uenig i sanktionen")));
		mvc.perform(register(c.id(), "Sanktion af 3/11", LocalDate.now().minusDays(2), LocalDate.now().minusDays(5)))
			.andExpect(model().attributeHasFieldErrorCode("form", "receivedOn", "complaints.form.receivedBeforeDecision"));
	}

	@Test
	void aLateComplaintNeedsAReasonAndIsStillRegistered() throws Exception {
		var c = candidates.make("sagsbehandler");
		LocalDate decision = LocalDate.now().minusWeeks(10);
		mvc.perform(register(c.id(), "Afslag på kursus", decision, LocalDate.now()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Klagen er kommet efter klagefristen")))
			.andExpect(content().string(containsText("Afslag på kursus")));
		mvc.perform(register(c.id(), "Afslag på kursus", decision, LocalDate.now())
			.param("lateReason", "Kandidaten var indlagt"))
			.andExpect(flash().attribute("flash", "complaints.registered"));
		assertThat(jdbc.sql("SELECT late FROM complaint WHERE decision_ref = 'Afslag på kursus'").query(Boolean.class).single()).isTrue();
	}

	@Test
	void aComplaintWhoseReceiptCannotBeMergedIsKeptAndTheHandlerIsTold() throws Exception {
		var c = candidates.makeWithCaseworkerWithoutContact();
		mvc.perform(register(c.id(), "Sanktion uden kvittering", LocalDate.now().minusDays(2), LocalDate.now()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "complaints.registeredWithoutReceipt"));
		long id = complaint("Sanktion uden kvittering");
		assertThat(jdbc.sql("SELECT status FROM complaint WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT count(*) FROM letter_sent WHERE candidate_id = ?").param(c.id()).query(Long.class)
			.single()).isZero();
	}

	@Test
	void theSameComplaintTwiceIsCaughtButANewOneCanBeConfirmed() throws Exception {
		var c = candidates.make("sagsbehandler");
		LocalDate decision = LocalDate.now().minusDays(3);
		mvc.perform(register(c.id(), "Plan af 1/11", decision, LocalDate.now())).andExpect(flash().attribute("flash", "complaints.registered"));
		long first = complaint("Plan af 1/11");
		mvc.perform(register(c.id(), "plan af 1/11", decision, LocalDate.now()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("Der er allerede registreret en klage")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("/complaints/" + first)));
		mvc.perform(register(c.id(), "plan af 1/11", decision, LocalDate.now()).param("notADuplicate", "true"))
			.andExpect(flash().attribute("flash", "complaints.registered"));
		assertThat(jdbc.sql("SELECT count(*) FROM complaint WHERE lower(decision_ref) = 'plan af 1/11'").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aComplaintNotFullyUpheldIsForwardedAndAnsweredByTheAppealsBoard() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(register(c.id(), "Sanktion 12/11", LocalDate.now().minusDays(7), LocalDate.now()));
		long id = complaint("Sanktion 12/11");
		var row = jdbc.sql("SELECT reassess_by, forward_by FROM complaint WHERE id = ?").param(id).query().singleRow();
		assertThat(((java.sql.Date) row.get("forward_by")).toLocalDate()).isAfterOrEqualTo(LocalDate.now().plusWeeks(4));
		// forwarding before the reassessment is refused
		mvc.perform(post("/complaints/{id}/forward", id).with(HANDLER).with(csrf()).param("version", "0"))
			.andExpect(flash().attribute("flashError", "complaints.transition.notNow"));
		mvc.perform(post("/complaints/{id}/reassessment", id).with(HANDLER).with(csrf())
			.param("outcome", "UPHELD_PARTLY").param("reassessment", "Sanktionen nedsættes til halvdelen").param("version", "0"))
			.andExpect(flash().attribute("flash", "complaints.reassessed"));
		// the candidate got an acknowledgement and the answer, from the approved templates, in plain Danish
		var letters = jdbc.sql("SELECT subject || '|' || body FROM letter_sent WHERE candidate_id = ? ORDER BY id")
			.param(c.id()).query(String.class).list();
		assertThat(letters).hasSize(2);
		assertThat(letters.get(0)).startsWith("Vi har fået din klage|Kære " + c.firstName()).contains("Sanktion 12/11")
			.contains("Vi har fået den den " + DANISH_DATE.format(LocalDate.now()) + ".").doesNotContain("{{");
		assertThat(letters.get(1)).startsWith("Svar på din klage|").contains("Du får delvist medhold")
			.contains("Sanktionen nedsættes til halvdelen").contains("Ankestyrelsen");
		mvc.perform(post("/complaints/{id}/forward", id).with(HANDLER).with(csrf()).param("version", "1"))
			.andExpect(flash().attribute("flash", "complaints.forwarded"));
		// the package for Ankestyrelsen: one PDF with the complaint, the letters and the reassessment
		byte[] pdf = mvc.perform(get("/complaints/{id}/package.pdf", id).with(HANDLER))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn().getResponse().getContentAsByteArray();
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
			assertThat(text).contains("Jeg er uenig i sanktionen", "Sanktionen nedsættes til halvdelen",
					"Vi har fået din klage", "Kommunens genvurdering");
		}
		mvc.perform(post("/complaints/{id}/appeals", id).with(HANDLER).with(csrf())
			.param("result", "CHANGED").param("resultOn", LocalDate.now().toString()).param("version", "2"))
			.andExpect(flash().attribute("flash", "complaints.appealsRegistered"));
		assertThat(jdbc.sql("SELECT status || ':' || appeals_result FROM complaint WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("CLOSED:CHANGED");
	}

	@Test
	void aCandidateWhoReadsEnglishGetsTheAnswerInEnglishWithItsTextsAndDatesInEnglish() throws Exception {
		var c = candidates.make("sagsbehandler");
		jdbc.sql("""
				INSERT INTO contact_preference (candidate_id, channel, language, interpreter_language, easy_read, version,
				  changed_by, changed_at) VALUES (?, 'DIGITAL_POST', 'en', NULL, FALSE, 1, 'kandidaten', now())""")
			.param(c.id())
			.update();
		long template = jdbc.sql("SELECT id FROM letter_template WHERE key = 'complaint-reassessed'").query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO letter_template_translation (template_id, language, subject, body, created_by)
				VALUES (?, 'en', 'Our answer to your complaint', 'Dear {{fornavn}}. {{resultat}} {{begrundelse}} {{næste_skridt}} Written {{dato}}.', 'test')""")
			.param(template)
			.update();
		try {
			mvc.perform(register(c.id(), "Sanction 1/12", LocalDate.now().minusDays(7), LocalDate.now()));
			long id = complaint("Sanction 1/12");
			LocalDate forwardBy = jdbc.sql("SELECT forward_by FROM complaint WHERE id = ?").param(id)
				.query(LocalDate.class)
				.single();
			mvc.perform(post("/complaints/{id}/reassessment", id).with(HANDLER).with(csrf())
				.param("outcome", "UPHELD_PARTLY").param("reassessment", "The sanction is halved.").param("version", "0"))
				.andExpect(flash().attribute("flash", "complaints.reassessed"));
			var letters = jdbc.sql("SELECT language || '|' || body FROM letter_sent WHERE candidate_id = ? ORDER BY id")
				.param(c.id()).query(String.class).list();
			// the receipt has no English text: it goes in Danish (with a note), and so do its dates
			assertThat(letters.get(0)).startsWith("da|We do not have this letter in English")
				.contains("Vi har fået den den " + DANISH_DATE.format(LocalDate.now()) + ".");
			// the answer has one: its outcome, next step and dates are written in English too
			assertThat(letters.get(1)).isEqualTo("en|Dear " + c.firstName()
					+ ". Your complaint is partly upheld. We change part of the decision. The sanction is halved."
					+ " We send your complaint and your case to the National Social Appeals Board by "
					+ ENGLISH_DATE.format(forwardBy) + ". The Board looks at the case and writes to you. You need not do"
					+ " anything. Written " + ENGLISH_DATE.format(LocalDate.now()) + ".");
		}
		finally {
			jdbc.sql("DELETE FROM letter_template_translation WHERE template_id = ? AND created_by = 'test'")
				.param(template)
				.update();
		}
	}

	@Test
	void aFullyUpheldComplaintClosesAndIsNeverForwarded() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(register(c.id(), "Afslag 10/11", LocalDate.now().minusDays(7), LocalDate.now()));
		long id = complaint("Afslag 10/11");
		mvc.perform(post("/complaints/{id}/reassessment", id).with(HANDLER).with(csrf())
			.param("outcome", "UPHELD_FULLY").param("reassessment", "Afgørelsen ændres").param("version", "0"));
		mvc.perform(post("/complaints/{id}/forward", id).with(HANDLER).with(csrf()).param("version", "1"))
			.andExpect(flash().attribute("flashError", "complaints.transition.notNow"));
		// and a stale version is a conflict, not an overwrite
		mvc.perform(post("/complaints/{id}/themes", id).with(HANDLER).with(csrf()).param("theme", "Uklart brev"))
			.andExpect(flash().attribute("flash", "complaints.themeAdded"));
		assertThat(jdbc.sql("SELECT theme FROM complaint_theme WHERE complaint_id = ?").param(id).query(String.class).single())
			.isEqualTo("uklart brev");
	}

	@Test
	void teamLeadsSeeTheirOwnTeamsComplaintsOnly() throws Exception {
		var c = candidates.make("sagsbehandler");
		mvc.perform(register(c.id(), "Team-test", LocalDate.now().minusDays(1), LocalDate.now()));
		long id = complaint("Team-test");
		mvc.perform(get("/complaints/{id}", id).with(user("teamleder").roles("TEAM_LEAD"))).andExpect(status().isOk());
		// another team's complaint answers as a missing one (404), so ids cannot be probed
		mvc.perform(get("/complaints/{id}", id).with(user("teamleder.syg").roles("TEAM_LEAD"))).andExpect(status().isNotFound());
		mvc.perform(get("/complaints").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isForbidden());
	}

	@Test
	void aLearningActionIsFollowedUpOnItsEffect() throws Exception {
		var lead = user("teamleder").roles("TEAM_LEAD");
		mvc.perform(post("/complaints/learning").with(lead).with(csrf())
			.param("theme", "uklart brev").param("title", "Skriv sanktionsbrevet om i klart sprog").param("owner", "sagsbehandler")
			.param("deadline", LocalDate.now().plusDays(10).toString()).param("followUpOn", LocalDate.now().plusDays(5).toString()))
			.andExpect(model().attributeHasFieldErrorCode("form", "followUpOn", "complaints.learning.followUpBeforeDeadline"));
		mvc.perform(post("/complaints/learning").with(lead).with(csrf())
			.param("theme", "uklart brev").param("title", "Skriv sanktionsbrevet om i klart sprog").param("owner", "sagsbehandler")
			.param("deadline", LocalDate.now().plusDays(10).toString()).param("followUpOn", LocalDate.now().plusDays(60).toString()))
			.andExpect(flash().attribute("flash", "complaints.learning.created"));
		long id = jdbc.sql("SELECT max(id) FROM learning_action").query(Long.class).single();
		mvc.perform(post("/complaints/learning/{id}/done", id).with(lead).with(csrf()).param("version", "0"))
			.andExpect(flash().attribute("flash", "complaints.learning.completed"));
		mvc.perform(post("/complaints/learning/{id}/effect", id).with(lead).with(csrf()).param("effect", "WORKED").param("version", "1"))
			.andExpect(flash().attribute("flash", "complaints.learning.effectSaved"));
		mvc.perform(post("/complaints/learning/{id}/done", id).with(lead).with(csrf()).param("version", "0"))
			.andExpect(flash().attribute("flashError", "form.conflict"));
		mvc.perform(get("/complaints/learning").with(lead)).andExpect(content().string(containsText("Virkede det: Ja")));
	}

	@Test
	void theMonthlyReportGivesComplaintsPerThousandMeetingsAndHidesSmallGroups() throws Exception {
		// six complaints this month in Team Job, one in Team Sygedagpenge
		for (int i = 0; i < 6; i++) {
			var c = candidates.make("sagsbehandler");
			mvc.perform(register(c.id(), "Rapport-test " + i, LocalDate.now().withDayOfMonth(1), LocalDate.now().withDayOfMonth(1)));
			mvc.perform(post("/complaints/{id}/themes", complaint("Rapport-test " + i)).with(HANDLER).with(csrf()).param("theme", "ventetid"));
		}
		var other = candidates.make("teamleder.syg", "LAB05");
		mvc.perform(register(other.id(), "Rapport-test syg", LocalDate.now().withDayOfMonth(1), LocalDate.now().withDayOfMonth(1)));
		String month = java.time.YearMonth.now().toString();
		String html = mvc.perform(get("/complaints/report").param("month", month).with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("klager pr. 1.000 samtaler")))
			.andExpect(content().string(containsText("ventetid")))
			.andReturn().getResponse().getContentAsString();
		// Team Sygedagpenge's single complaint is hidden, and so is the smallest other team, so no subtraction reveals it
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(html)).contains("For få til at vise");
		String csv = mvc.perform(get("/complaints/report.csv").param("month", month).with(HANDLER))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv).contains("\"team\";\"Team Job\";").contains("\"theme\";\"ventetid\";");
		assertThat(csv.lines().filter(l -> l.startsWith("\"team\";\"Team Sygedagpenge\";")).findFirst().orElseThrow())
			.startsWith("\"team\";\"Team Sygedagpenge\";\"\";");
	}

	@Test
	void surveyCommentsGetThemesThatCountInTheLearning() throws Exception {
		var lead = user("teamleder").roles("TEAM_LEAD");
		String page = mvc.perform(get("/complaints/comments").with(lead)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		var matcher = java.util.regex.Pattern.compile("/complaints/comments/([0-9a-f-]{36})/themes").matcher(page);
		assertThat(matcher.find()).as("the demo data has comments of the last months").isTrue();
		String answerId = matcher.group(1);
		mvc.perform(post("/complaints/comments/{id}/themes", answerId).with(lead).with(csrf()).param("theme", "Ventetid"))
			.andExpect(flash().attribute("flash", "complaints.themeAdded"));
		mvc.perform(post("/complaints/comments/{id}/themes", answerId).with(lead).with(csrf()).param("theme", "!"))
			.andExpect(flash().attribute("flashError", "complaints.theme.invalid"));
		assertThat(jdbc.sql("SELECT theme FROM comment_theme WHERE answer_id = CAST(? AS UUID)").param(answerId)
			.query(String.class).list()).containsExactly("ventetid");
		mvc.perform(get("/complaints/learning").with(lead)).andExpect(content().string(containsText("ventetid")));
	}

	@Test
	void theCategoryTreeIsEditableAndAnInactiveCategoryIsNotOffered() throws Exception {
		mvc.perform(post("/complaints/categories").with(HANDLER).with(csrf()).param("parentId", "4").param("nameDa", "Brev uden klagevejledning"))
			.andExpect(flash().attribute("flash", "complaints.category.saved"));
		long id = jdbc.sql("SELECT id FROM complaint_category WHERE name_da = 'Brev uden klagevejledning'").query(Long.class).single();
		mvc.perform(post("/complaints/categories").with(HANDLER).with(csrf()).param("parentId", String.valueOf(id)).param("nameDa", "Tredje niveau"))
			.andExpect(flash().attribute("flashError", "complaints.category.parentInvalid"));
		var c = candidates.make("sagsbehandler");
		mvc.perform(get("/complaints/new").param("candidate", String.valueOf(c.id())).with(HANDLER))
			.andExpect(content().string(containsText("Brev uden klagevejledning")));
		mvc.perform(post("/complaints/categories/{id}/active", id).with(HANDLER).with(csrf()).param("active", "false"));
		mvc.perform(get("/complaints/new").param("candidate", String.valueOf(c.id())).with(HANDLER))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsText("Brev uden klagevejledning"))));
		mvc.perform(get("/complaints/categories").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isForbidden());
	}
}
