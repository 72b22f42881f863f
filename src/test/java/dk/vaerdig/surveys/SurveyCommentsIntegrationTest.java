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
 * The dashboard's comments: those of the filter's meetings only, of closed meeting months only, the newest month
 * first and within a month in the order of the answers' random ids (never the order they came in), and none for a
 * group below the comment threshold. Uses December 1998 to March 1999, where no other test puts answers, and the
 * current months.
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
	SurveySettings settings;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void answersOf1999() {
		if (jdbc.sql("SELECT count(*) FROM survey_answer WHERE meeting_month = ?").param(JAN).query(Long.class).single() > 0) {
			return;
		}
		// the ids give an order unlike that of arrival: in January the newest comes in the middle, in February last
		answer("a0000000", 1, "LAB01", JAN, JAN.plusDays(20), "jan sent");
		answer("b0000000", 1, "LAB01", JAN, FEB.plusDays(25), "jan late");
		answer("c0000000", 1, "LAB01", JAN, FEB.plusDays(2), "jan middle");
		answer("c0000000", 1, "LAB02", FEB, FEB.plusDays(3), "feb early");
		answer("d0000000", 2, "LAB01", FEB, MAR.plusDays(1), "feb team 2");
		answer("e0000000", 1, "LAB01", FEB, FEB.plusDays(10), null);
		answer("10000000", 1, "LAB01", MAR, MAR.plusDays(2), "march");
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
		answer("a1000000", 3, "LAB05", DEC, DEC.plusDays(2), "too few to show");
	}

	void answer(String idPrefix, long team, String group, LocalDate month, LocalDate answeredOn, String comment) {
		jdbc.sql("""
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, comment, has_unanswered, wants_contact)
				VALUES (?, (SELECT min(id) FROM survey_version), ?, ?, ?, ?, 'LINK', 'da', ?, false, false)""")
			.params(UUID.fromString(idPrefix + UUID.randomUUID().toString().substring(8)), team, group, month, answeredOn,
					comment)
			.update();
	}

	@Test
	void newestMonthFirstThenInTheOrderOfTheRandomIdsNotOfArrival() {
		assertThat(figures.comments(new Filter(JAN, MAR, null, null), 10, 20))
			.containsExactly("march", "feb early", "feb team 2", "jan sent", "jan late", "jan middle");
	}

	@Test
	void onlyTheFiltersMeetingsTeamAndTargetGroup() {
		assertThat(figures.comments(new Filter(JAN, FEB, 1L, null), 10, 20)).containsExactly("feb early", "jan sent",
				"jan late", "jan middle");
		assertThat(figures.comments(new Filter(FEB, FEB, null, "LAB01"), 10, 20)).containsExactly("feb team 2");
		assertThat(figures.comments(new Filter(JAN, MAR, 1L, "LAB01"), 10, 2)).containsExactly("march", "jan sent");
	}

	@Test
	void noCommentsForAGroupBelowTheThreshold() {
		assertThat(figures.comments(new Filter(DEC, DEC, 3L, "LAB05"), 10, 20)).isEmpty();
	}

	@Test
	void aMonthIsClosedWhenItsLastInvitationsHaveExpired() {
		LocalDate today = LocalDate.now();
		LocalDate closed = figures.lastClosedMonth();
		assertThat(closed.getDayOfMonth()).isEqualTo(1);
		assertThat(closed.plusMonths(1).plusDays(settings.invitationValidDays())).isBeforeOrEqualTo(today);
		assertThat(closed.plusMonths(2).plusDays(settings.invitationValidDays())).isAfter(today);
	}

	@Test
	void noCommentOfAnOpenMonthNorOneWrittenThisWeek() {
		LocalDate today = LocalDate.now();
		LocalDate closed = figures.lastClosedMonth();
		String group = "LAB98";
		if (jdbc.sql("SELECT count(*) FROM survey_answer WHERE target_group_code = ?").param(group).query(Long.class).single() == 0) {
			answer("00000001", 1, group, today.withDayOfMonth(1), today, "this month");
			answer("00000002", 1, group, closed.plusMonths(1), today.minusDays(8), "a month still open");
			answer("00000003", 1, group, closed, today.minusDays(1), "closed month, written yesterday");
			answer("00000004", 1, group, closed, today.minusDays(SurveyFigures.COMMENT_DELAY_DAYS), "closed month, a week ago");
		}
		Filter all = new Filter(closed.minusMonths(1), today.withDayOfMonth(1), null, group);
		assertThat(figures.comments(all, 0, 20)).containsExactly("closed month, a week ago");
		assertThat(figures.recentComments(closed.minusMonths(1), 0, 200)).extracting(SurveyFigures.Comment::comment)
			.contains("closed month, a week ago")
			.doesNotContain("this month", "a month still open", "closed month, written yesterday");
	}
}
