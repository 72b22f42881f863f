package dk.vaerdig.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.surveys.internal.Answers.Channel;
import dk.vaerdig.surveys.internal.Answers.ContactChannel;
import dk.vaerdig.surveys.internal.Answers.Outcome;
import dk.vaerdig.surveys.internal.Answers.Submission;

/**
 * Answers written in groups: under concurrent submits each token is spent once, every outcome is right, and the rollups
 * add up to exactly the stored items. Each test uses invitations for meetings in a month of its own far back, so its
 * rollup rows hold only its own answers.
 */
@IntegrationTest
class AnswerWriterIntegrationTest {

	static final AtomicLong MEETING = new AtomicLong(970_000_000L);

	@Autowired
	Answers answers;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	JdbcClient jdbc;

	String invitation(LocalDate meetingOn, boolean expired) {
		long meeting = MEETING.incrementAndGet();
		String token = "aw-" + meeting;
		jdbc.sql("""
				INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code, meeting_on,
				  created_at, expires_at)
				VALUES (encode(sha256(convert_to(?, 'UTF8')), 'hex'), ?, (SELECT min(id) FROM candidate), 1 + ? % 2, 'LAB01', ?, now(),
				  now() + CASE WHEN ? THEN interval '-1 day' ELSE interval '30 days' END)""")
			.params(token, meeting, meeting, meetingOn, expired)
			.update();
		return token;
	}

	Submission submission(int n) {
		Map<Long, Integer> scores = new java.util.HashMap<>();
		var questions = questionnaires.active(Locale.forLanguageTag("da")).scaleQuestions();
		for (int q = 0; q < questions.size(); q++) {
			if ((n + q) % 9 != 0) { // now and then a question left out
				scores.put(questions.get(q).id(), (n + q) % 6); // 0 = don't know, 1-5
			}
		}
		boolean unanswered = n % 5 == 0;
		return new Submission(scores, unanswered, unanswered && n % 2 == 0, ContactChannel.PHONE, null,
				n % 3 == 0 ? "Kommentar " + n : null, Channel.LINK, "da");
	}

	@Test
	void concurrentSubmitsSpendEachTokenOnceAndTheRollupsAddUp() throws Exception {
		LocalDate month = LocalDate.of(1997, 3, 1);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			tokens.add(invitation(month.plusDays(i % 28), false));
		}
		List<String> expired = List.of(invitation(month, true), invitation(month, true));
		List<Callable<Outcome>> calls = new ArrayList<>();
		for (int round = 0; round < 3; round++) { // every token three times: double clicks and retries
			for (int i = 0; i < tokens.size(); i++) {
				String token = tokens.get(i);
				int n = i;
				calls.add(() -> answers.submit(token, submission(n)));
			}
		}
		for (String token : expired) {
			calls.add(() -> answers.submit(token, submission(1)));
		}
		calls.add(() -> answers.submit("aw-no-such-token", submission(2)));
		java.util.Collections.shuffle(calls, new java.util.Random(7));
		ExecutorService pool = Executors.newFixedThreadPool(32);
		Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
		for (Future<Outcome> f : pool.invokeAll(calls)) {
			outcomes.merge(f.get(), 1, Integer::sum);
		}
		pool.shutdown();
		assertThat(outcomes).containsEntry(Outcome.SAVED, 120)
			.containsEntry(Outcome.ALREADY_ANSWERED, 240)
			.containsEntry(Outcome.EXPIRED, 2)
			.containsEntry(Outcome.UNKNOWN, 1);
		assertThat(jdbc.sql("SELECT count(*) FROM survey_invitation WHERE meeting_id > 970000000 AND meeting_on >= ? AND meeting_on < ? AND used_on IS NOT NULL")
			.params(month, month.plusMonths(1)).query(Long.class).single()).isEqualTo(120);
		assertThat(jdbc.sql("SELECT count(*) FROM survey_answer WHERE meeting_month = ?").param(month).query(Long.class).single())
			.isEqualTo(120);
		// the question rollups are exactly the stored items, per team and question
		List<Map<String, Object>> fromItems = jdbc.sql("""
				SELECT a.team_id, i.question_id, count(i.score) AS n, count(*) FILTER (WHERE i.score >= 4) AS satisfied,
				       count(*) FILTER (WHERE i.dont_know) AS dont_know, coalesce(sum(i.score), 0) AS score_sum
				FROM survey_answer a JOIN survey_answer_item i ON i.answer_id = a.id
				WHERE a.meeting_month = ? GROUP BY 1, 2 ORDER BY 1, 2""").param(month).query().listOfRows();
		List<Map<String, Object>> rollups = jdbc.sql("""
				SELECT team_id, question_id, n, satisfied, dont_know, score_sum FROM survey_rollup_question
				WHERE month = ? ORDER BY 1, 2""").param(month).query().listOfRows();
		assertThat(rollups).hasSize(fromItems.size()).isNotEmpty();
		for (int i = 0; i < rollups.size(); i++) {
			for (String column : List.of("team_id", "question_id", "n", "satisfied", "dont_know", "score_sum")) {
				assertThat(((Number) rollups.get(i).get(column)).longValue()).as(column + " row " + i)
					.isEqualTo(((Number) fromItems.get(i).get(column)).longValue());
			}
		}
		var answerRollup = jdbc.sql("SELECT sum(answers) AS answers, sum(unanswered) AS unanswered, sum(wants_contact) AS wants"
				+ " FROM survey_rollup_answer WHERE month = ?").param(month).query().singleRow();
		var fromAnswers = jdbc.sql("SELECT count(*) AS answers, count(*) FILTER (WHERE has_unanswered) AS unanswered,"
				+ " count(*) FILTER (WHERE wants_contact) AS wants FROM survey_answer WHERE meeting_month = ?")
			.param(month).query().singleRow();
		for (String column : List.of("answers", "unanswered", "wants")) {
			assertThat(((Number) answerRollup.get(column)).longValue()).as(column)
				.isEqualTo(((Number) fromAnswers.get(column)).longValue());
		}
		// the respondents: with a score on at least one question, and positive (4 or 5) on at least half of those,
		// counted here from what submission(n) sends
		int questions = questionnaires.active(Locale.forLanguageTag("da")).scaleQuestions().size();
		long scoredRespondents = 0;
		long positiveRespondents = 0;
		for (int n = 0; n < 120; n++) {
			int scored = 0;
			int positive = 0;
			for (int q = 0; q < questions; q++) {
				int score = (n + q) % 6;
				if ((n + q) % 9 != 0 && score != 0) {
					scored++;
					positive += score >= 4 ? 1 : 0;
				}
			}
			scoredRespondents += scored > 0 ? 1 : 0;
			positiveRespondents += scored > 0 && 2 * positive >= scored ? 1 : 0;
		}
		var respondents = jdbc.sql("SELECT sum(scored_respondents) AS scored, sum(positive_respondents) AS positive"
				+ " FROM survey_rollup_answer WHERE month = ?").param(month).query().singleRow();
		assertThat(((Number) respondents.get("scored")).longValue()).isEqualTo(scoredRespondents);
		assertThat(((Number) respondents.get("positive")).longValue()).isEqualTo(positiveRespondents)
			.isPositive().isLessThan(scoredRespondents);
		// a follow-up for each answer that asked for contact, and no more
		assertThat(jdbc.sql("SELECT count(*) FROM survey_follow_up f JOIN survey_answer a ON a.id = f.answer_id WHERE a.meeting_month = ?")
			.param(month).query(Long.class).single()).isEqualTo(((Number) fromAnswers.get("wants")).longValue()).isPositive();
	}

	@Test
	void oneAnswerThatCannotBeStoredDoesNotFailTheOthers() throws Exception {
		LocalDate month = LocalDate.of(1997, 4, 1);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			tokens.add(invitation(month, false));
		}
		// a score of 7 breaks the items' check (the form allows 0-5 only, but a bug or another client might not)
		long question = questionnaires.active(Locale.forLanguageTag("da")).scaleQuestions().get(0).id();
		Submission broken = new Submission(Map.of(question, 7), false, false, null, null, null, Channel.LINK, "da");
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			Submission s = i == 7 ? broken : submission(i);
			calls.add(() -> {
				try {
					return answers.submit(token, s);
				}
				catch (RuntimeException e) {
					return e;
				}
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Object> results = new ArrayList<>();
		for (Future<Object> f : pool.invokeAll(calls)) {
			results.add(f.get());
		}
		pool.shutdown();
		assertThat(results.get(7)).isInstanceOf(RuntimeException.class);
		assertThat(results.stream().filter(r -> r == Outcome.SAVED).count()).isEqualTo(39);
		assertThat(jdbc.sql("SELECT count(*) FROM survey_answer WHERE meeting_month = ?").param(month).query(Long.class).single())
			.isEqualTo(39);
		// its token is not spent, so the candidate can still answer
		assertThat(jdbc.sql("SELECT used_on FROM survey_invitation WHERE token_sha256 = encode(sha256(convert_to(?, 'UTF8')), 'hex')").param(tokens.get(7)).query(LocalDate.class)
			.optional()).isEmpty();
	}

	@Test
	void aFailureIsLoggedWithoutTheRowItQuotes() {
		var sql = new java.sql.SQLException("new row violates check constraint; Failing row contains (Mit navn er Hans)",
				"23514");
		String logged = AnswerWriter.cause(new org.springframework.dao.DataIntegrityViolationException("insert", sql));
		assertThat(logged).isEqualTo("DataIntegrityViolationException (SQL state 23514)").doesNotContain("Hans");
	}
}
