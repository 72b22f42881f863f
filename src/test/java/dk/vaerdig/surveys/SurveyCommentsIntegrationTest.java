package dk.vaerdig.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.surveys.SurveyFigures.Filter;

/**
 * The dashboard's comments: those of the filter's meetings only, the newest meeting month first and the newest answer
 * first within a month, and none for a group below the comment threshold. Uses December 1998 to March 1999, where no other test
 * puts answers.
 */
@IntegrationTest
class SurveyCommentsIntegrationTest {

	static final LocalDate DEC = LocalDate.of(1998, 12, 1);

	static final LocalDate JAN = LocalDate.of(1999, 1, 1);

	static final LocalDate FEB = LocalDate.of(1999, 2, 1);

	static final LocalDate MAR = LocalDate.of(1999, 3, 1);

	@Autowired
	SurveyFigures figures;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void answersOf1999() {
		if (jdbc.sql("SELECT count(*) FROM survey_answer WHERE meeting_month = ?").param(JAN).query(Long.class).single() > 0) {
			return;
		}
		answer(1, "LAB01", JAN, JAN.plusDays(20), "jan sent");
		answer(1, "LAB01", JAN, FEB.plusDays(25), "jan late");
		answer(1, "LAB02", FEB, FEB.plusDays(3), "feb early");
		answer(2, "LAB01", FEB, MAR.plusDays(1), "feb team 2");
		answer(1, "LAB01", FEB, FEB.plusDays(10), null);
		answer(1, "LAB01", MAR, MAR.plusDays(2), "march");
		for (LocalDate month : new LocalDate[] { JAN, FEB, MAR }) {
			for (long team : new long[] { 1, 2 }) {
				for (String group : new String[] { "LAB01", "LAB02" }) {
					jdbc.sql("INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact)"
							+ " VALUES (?, ?, ?, 40, 0, 0)").params(team, group, month).update();
				}
			}
		}
		// one group below the comment threshold (10)
		jdbc.sql("INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact)"
				+ " VALUES (3, 'LAB05', ?, 3, 0, 0)").param(DEC).update();
		answer(3, "LAB05", DEC, DEC.plusDays(2), "too few to show");
	}

	void answer(long team, String group, LocalDate month, LocalDate answeredOn, String comment) {
		jdbc.sql("""
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, comment, has_unanswered, wants_contact)
				VALUES (?, (SELECT min(id) FROM survey_version), ?, ?, ?, ?, 'LINK', 'da', ?, false, false)""")
			.params(UUID.randomUUID(), team, group, month, answeredOn, comment)
			.update();
	}

	@Test
	void newestMeetingMonthFirstThenNewestAnswer() {
		assertThat(figures.comments(new Filter(JAN, MAR, null, null), 10, 20))
			.containsExactly("march", "feb team 2", "feb early", "jan late", "jan sent");
	}

	@Test
	void onlyTheFiltersMeetingsTeamAndTargetGroup() {
		assertThat(figures.comments(new Filter(JAN, FEB, 1L, null), 10, 20)).containsExactly("feb early", "jan late",
				"jan sent");
		assertThat(figures.comments(new Filter(FEB, FEB, null, "LAB01"), 10, 20)).containsExactly("feb team 2");
		assertThat(figures.comments(new Filter(JAN, MAR, 1L, "LAB01"), 10, 2)).containsExactly("march", "jan late");
	}

	@Test
	void noCommentsForAGroupBelowTheThreshold() {
		assertThat(figures.comments(new Filter(DEC, DEC, 3L, "LAB05"), 10, 20)).isEmpty();
	}
}
