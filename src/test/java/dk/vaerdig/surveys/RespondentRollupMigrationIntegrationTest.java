package dk.vaerdig.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;

/**
 * V65 fills the new respondent columns of the answer rollup for the answers stored before it: its UPDATE, run again
 * here on made-up answers of May 1995 (a rollup row with zeros, as the migration's ALTER leaves it), counts the
 * respondents with a score and those positive on at least half of the questions they scored.
 */
@IntegrationTest
class RespondentRollupMigrationIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	static final LocalDate MAY = LocalDate.of(1995, 5, 1);

	void answer(long... scores) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, has_unanswered, wants_contact)
				VALUES (?, (SELECT min(id) FROM survey_version), 1, 'LAB95', ?, ?, 'LINK', 'da', false, false)""")
			.params(id, MAY, MAY.plusDays(3)).update();
		var questions = jdbc.sql("SELECT id FROM survey_question WHERE kind = 'SCALE' ORDER BY id").query(Long.class).list();
		for (int q = 0; q < scores.length; q++) {
			boolean dontKnow = scores[q] == 0;
			jdbc.sql("INSERT INTO survey_answer_item (answer_id, question_id, score, dont_know) VALUES (?, ?, ?, ?)")
				.params(id, questions.get(q), dontKnow ? null : (short) scores[q], dontKnow).update();
		}
	}

	@Test
	void theBackfillCountsRespondentsNotItems() throws Exception {
		answer(5, 4, 1, 2); // 2 of 4 positive: positive
		answer(5, 1, 1); // 1 of 3: not positive
		answer(4, 0, 0); // 1 of 1 scored (don't know twice): positive
		answer(0, 0); // no score at all: not a respondent with a score
		answer(); // nothing answered
		jdbc.sql("""
				INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact)
				VALUES (1, 'LAB95', ?, 5, 0, 0)""").param(MAY).update();
		String migration = new ClassPathResource("db/migration/V65__count_positive_respondents_in_survey_answer_rollup.sql")
			.getContentAsString(StandardCharsets.UTF_8);
		String update = migration.substring(migration.indexOf("UPDATE survey_rollup_answer"));
		jdbc.sql(update.strip().replaceAll(";$", "")).update();
		var row = jdbc.sql("SELECT scored_respondents, positive_respondents FROM survey_rollup_answer"
				+ " WHERE target_group_code = 'LAB95' AND month = ?").param(MAY).query().singleRow();
		assertThat(((Number) row.get("scored_respondents")).longValue()).isEqualTo(3);
		assertThat(((Number) row.get("positive_respondents")).longValue()).isEqualTo(2);
	}
}
