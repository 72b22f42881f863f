package dk.vaerdig.surveys;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dk.vaerdig.IntegrationTest;

/**
 * A new version of the questionnaire: reworded, reordered, a question added, a language added, activated, while
 * the answers already given stay tied to the old version. Restores version 1 afterwards for the other tests.
 */
@IntegrationTest
class QuestionnaireVersionsIntegrationTest {

	static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	dk.vaerdig.surveys.internal.Questionnaires questionnaires;

	long questionOfDraft(String code) {
		return jdbc.sql("""
				SELECT q.id FROM survey_question q JOIN survey_version v ON v.id = q.version_id
				WHERE v.status = 'DRAFT' AND q.code = ?""").param(code).query(Long.class).single();
	}

	@Test
	void aNewVersionChangesNothingAlreadyAnswered() throws Exception {
		long answeredBefore = jdbc.sql("SELECT count(*) FROM survey_answer WHERE version_id = 1").query(Long.class).single();
		String oldRespect = jdbc.sql("SELECT text FROM survey_question_text WHERE question_id = 2 AND lang = 'da'")
			.query(String.class).single();
		mvc.perform(get("/admin/surveys").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isForbidden());
		mvc.perform(post("/admin/surveys/draft").with(ADMIN).with(csrf())).andExpect(flash().attribute("flash", "surveys.admin.draftMade"));
		mvc.perform(post("/admin/surveys/draft").with(ADMIN).with(csrf()))
			.andExpect(flash().attribute("flashError", "surveys.admin.draftExists"));
		long respect = questionOfDraft("respect");
		mvc.perform(post("/admin/surveys/questions/{id}/texts", respect).with(ADMIN).with(csrf())
			.param("text_da", "Følte du dig mødt med respekt?").param("text_en", "Did you feel met with respect?"))
			.andExpect(flash().attribute("flash", "surveys.admin.saved"));
		mvc.perform(post("/admin/surveys/questions/{id}/texts", respect).with(ADMIN).with(csrf()).param("text_da", ""))
			.andExpect(flash().attribute("flashError", "surveys.admin.danishRequired"));
		mvc.perform(post("/admin/surveys/questions/{id}/move", respect).with(ADMIN).with(csrf()).param("direction", "-1"));
		mvc.perform(post("/admin/surveys/questions").with(ADMIN).with(csrf())
			.param("code", "ventetid").param("kind", "SCALE").param("text", "Var ventetiden rimelig?"))
			.andExpect(flash().attribute("flash", "surveys.admin.saved"));
		mvc.perform(post("/admin/surveys/questions").with(ADMIN).with(csrf())
			.param("code", "Ventetid!").param("kind", "SCALE").param("text", "x"))
			.andExpect(flash().attribute("flashError", "surveys.admin.codeInvalid"));
		mvc.perform(post("/admin/surveys/languages").with(ADMIN).with(csrf()).param("lang", "uk"));
		mvc.perform(post("/admin/surveys/questions/{id}/texts", questionOfDraft("ventetid")).with(ADMIN).with(csrf())
			.param("text_uk", "Чи був час очікування прийнятним?"));
		mvc.perform(get("/admin/surveys").with(ADMIN)).andExpect(status().isOk())
			.andExpect(content().string(containsText("Kladde til version 2")));
		mvc.perform(post("/admin/surveys/activate").with(ADMIN).with(csrf()))
			.andExpect(flash().attribute("flash", "surveys.admin.activated"));
		try {
			List<String> codes = jdbc.sql("""
					SELECT q.code FROM survey_question q JOIN survey_version v ON v.id = q.version_id
					WHERE v.status = 'ACTIVE' ORDER BY q.position""").query(String.class).list();
			assertThat(codes).startsWith("respect", "expectations").endsWith("ventetid");
			// nothing already answered changed: version 1's texts and answers are as they were
			assertThat(jdbc.sql("SELECT text FROM survey_question_text WHERE question_id = 2 AND lang = 'da'")
				.query(String.class).single()).isEqualTo(oldRespect);
			assertThat(jdbc.sql("SELECT count(*) FROM survey_answer WHERE version_id = 1").query(Long.class).single())
				.isEqualTo(answeredBefore);
			assertThat(jdbc.sql("SELECT status FROM survey_version WHERE id = 1").query(String.class).single()).isEqualTo("RETIRED");
		}
		finally {
			jdbc.sql("UPDATE survey_version SET status = 'RETIRED' WHERE status = 'ACTIVE'").update();
			jdbc.sql("UPDATE survey_version SET status = 'ACTIVE' WHERE id = 1").update();
			questionnaires.evict();
		}
	}
}
