package dk.vaerdig.surveys.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dk.vaerdig.platform.Texts;
import dk.vaerdig.platform.WorkingDays;
import dk.vaerdig.surveys.SurveySettings;
import dk.vaerdig.surveys.internal.AnswerWriter.Pending;
import dk.vaerdig.surveys.internal.Answers.ContactChannel;
import dk.vaerdig.surveys.internal.Answers.Outcome;
import dk.vaerdig.surveys.internal.Answers.Submission;
import dk.vaerdig.surveys.internal.Invitations.Invitation;

/**
 * Stores one group of answers in the caller's transaction with a handful of statements, whatever its size: the tokens
 * spent with one update, answers and items inserted from arrays, and the rollups added up in memory first, so a group
 * touches each rollup row once.
 */
@Component
class AnswerGroups {

	private final JdbcTemplate jdbc;

	private final Questionnaires questionnaires;

	private final WorkingDays workingDays;

	private final SurveySettings settings;

	private final Clock clock;

	AnswerGroups(JdbcTemplate jdbc, Questionnaires questionnaires, WorkingDays workingDays, SurveySettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.questionnaires = questionnaires;
		this.workingDays = workingDays;
		this.settings = settings;
		this.clock = clock;
	}

	private record Claim(Pending pending, Invitation invitation) {
	}

	private record RollupKey(long teamId, String targetGroupCode, LocalDate month, long questionId)
			implements Comparable<RollupKey> {

		@Override
		public int compareTo(RollupKey o) {
			int c = month.compareTo(o.month);
			c = c != 0 ? c : Long.compare(teamId, o.teamId);
			c = c != 0 ? c : targetGroupCode.compareTo(o.targetGroupCode);
			return c != 0 ? c : Long.compare(questionId, o.questionId);
		}
	}

	/** One transaction: spend the tokens that can be spent, then store their answers, items, rollups and follow-ups. */
	Map<Pending, Outcome> store(List<Pending> group) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.now(clock);
		Map<Pending, Outcome> outcomes = new IdentityHashMap<>();
		Map<String, Invitation> byToken = new HashMap<>();
		// the database knows a token only by its SHA-256
		Map<Pending, String> hashes = new IdentityHashMap<>();
		group.forEach(p -> hashes.put(p, SurveyTokens.sha256(p.token())));
		for (Invitation i : jdbc.query("SELECT * FROM survey_invitation WHERE token_sha256 = ANY (?)",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", hashes.values().stream().distinct().toArray())),
				new DataClassRowMapper<>(Invitation.class))) {
			byToken.put(i.tokenSha256(), i);
		}
		List<Claim> claims = new ArrayList<>();
		Set<Long> claimed = new HashSet<>();
		for (Pending p : group) {
			Invitation i = byToken.get(hashes.get(p));
			if (i == null) {
				outcomes.put(p, Outcome.UNKNOWN);
			}
			else if (i.usedOn() != null || !claimed.add(i.id())) {
				outcomes.put(p, Outcome.ALREADY_ANSWERED); // a double submit in the same group counts once
			}
			else if (!now.isBefore(i.expiresAt())) {
				outcomes.put(p, Outcome.EXPIRED);
			}
			else {
				claims.add(new Claim(p, i));
			}
		}
		if (claims.isEmpty()) {
			return outcomes;
		}
		// spend the tokens; one that another node spent a moment ago is not returned
		Set<Long> won = new HashSet<>(jdbc.query("""
				UPDATE survey_invitation SET used_on = ? WHERE id = ANY (?) AND used_on IS NULL AND expires_at > ?
				RETURNING id""", ps -> {
			ps.setObject(1, today);
			ps.setArray(2, ps.getConnection().createArrayOf("bigint", claims.stream().map(c -> c.invitation().id()).toArray()));
			ps.setTimestamp(3, Timestamp.from(now));
		}, (rs, n) -> rs.getLong(1)));
		List<Claim> stored = new ArrayList<>();
		for (Claim c : claims) {
			if (won.contains(c.invitation().id())) {
				stored.add(c);
				outcomes.put(c.pending(), Outcome.SAVED);
			}
			else {
				outcomes.put(c.pending(), Outcome.ALREADY_ANSWERED);
			}
		}
		if (!stored.isEmpty()) {
			insert(stored, today, now);
		}
		return outcomes;
	}

	private void insert(List<Claim> stored, LocalDate today, Instant now) {
		Columns answers = new Columns(11);
		Columns items = new Columns(4);
		Map<RollupKey, long[]> questionRollups = new TreeMap<>();
		Map<RollupKey, long[]> answerRollups = new TreeMap<>();
		List<Object[]> followUps = new ArrayList<>();
		for (Claim c : stored) {
			Submission s = c.pending().submission();
			Invitation i = c.invitation();
			var questionnaire = questionnaires.active(Locale.forLanguageTag(s.lang()));
			UUID id = UUID.randomUUID();
			LocalDate month = i.meetingOn().withDayOfMonth(1);
			boolean unanswered = Boolean.TRUE.equals(s.hasUnanswered());
			boolean wantsContact = unanswered && s.wantsContact();
			answers.add(id, questionnaire.versionId(), i.teamId(), i.targetGroupCode(), month, today, s.channel().name(),
					s.lang(), Texts.blankToNull(CprRedactor.redact(s.comment())), s.hasUnanswered(), wantsContact);
			int scored = 0;
			int positive = 0;
			for (var question : questionnaire.scaleQuestions()) {
				Integer score = s.scores().get(question.id());
				if (score == null) {
					continue; // a question left out is no answer, not a low score
				}
				boolean dontKnow = score == Answers.DONT_KNOW;
				items.add(id, question.id(), dontKnow ? null : score, dontKnow);
				long[] r = questionRollups.computeIfAbsent(
						new RollupKey(i.teamId(), i.targetGroupCode(), month, question.id()), k -> new long[4]);
				r[0] += dontKnow ? 0 : 1;
				r[1] += !dontKnow && score >= 4 ? 1 : 0;
				r[2] += dontKnow ? 1 : 0;
				r[3] += dontKnow ? 0 : score;
				scored += dontKnow ? 0 : 1;
				positive += !dontKnow && score >= 4 ? 1 : 0;
			}
			long[] a = answerRollups.computeIfAbsent(new RollupKey(i.teamId(), i.targetGroupCode(), month, 0),
					k -> new long[5]);
			a[0]++;
			a[1] += unanswered ? 1 : 0;
			a[2] += wantsContact ? 1 : 0;
			// the dashboard's summary is per respondent: positive on at least half of the questions given a score
			a[3] += scored > 0 ? 1 : 0;
			a[4] += scored > 0 && 2 * positive >= scored ? 1 : 0;
			if (wantsContact) {
				followUps.add(new Object[] { id, i.candidateId(), i.teamId(),
						(s.contactChannel() == null ? ContactChannel.PHONE : s.contactChannel()).name(),
						Texts.blankToNull(CprRedactor.redact(s.preferredTime())), Timestamp.from(now),
						workingDays.plus(today, settings.followUpWorkingDays()) });
			}
		}
		answers.insert(jdbc, """
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, comment, has_unanswered, wants_contact)
				SELECT c1::uuid, c2::bigint, c3::bigint, c4, c5::date, c6::date, c7, c8, c9, c10::boolean, c11::boolean
				FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS u (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11)""");
		if (items.size() > 0) {
			items.insert(jdbc, """
					INSERT INTO survey_answer_item (answer_id, question_id, score, dont_know)
					SELECT c1::uuid, c2::bigint, c3::smallint, c4::boolean FROM unnest(?, ?, ?, ?) AS u (c1, c2, c3, c4)""");
		}
		// the rollup rows in key order, so two nodes writing at once take their row locks in the same order
		Columns rollups = new Columns(8);
		questionRollups.forEach((k, r) -> rollups.add(k.teamId(), k.targetGroupCode(), k.month(), k.questionId(), r[0], r[1],
				r[2], r[3]));
		if (rollups.size() > 0) {
			rollups.insert(jdbc, """
					INSERT INTO survey_rollup_question AS r (team_id, target_group_code, month, question_id, n, satisfied,
					  dont_know, score_sum)
					SELECT c1::bigint, c2, c3::date, c4::bigint, c5::bigint, c6::bigint, c7::bigint, c8::bigint
					FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS u (c1, c2, c3, c4, c5, c6, c7, c8)
					ON CONFLICT (month, team_id, target_group_code, question_id) DO UPDATE SET
					  n = r.n + EXCLUDED.n, satisfied = r.satisfied + EXCLUDED.satisfied,
					  dont_know = r.dont_know + EXCLUDED.dont_know, score_sum = r.score_sum + EXCLUDED.score_sum""");
		}
		Columns answerRows = new Columns(8);
		answerRollups.forEach((k, a) -> answerRows.add(k.teamId(), k.targetGroupCode(), k.month(), a[0], a[1], a[2], a[3],
				a[4]));
		answerRows.insert(jdbc, """
				INSERT INTO survey_rollup_answer AS r (team_id, target_group_code, month, answers, unanswered, wants_contact,
				  scored_respondents, positive_respondents)
				SELECT c1::bigint, c2, c3::date, c4::bigint, c5::bigint, c6::bigint, c7::bigint, c8::bigint
				FROM unnest(?, ?, ?, ?, ?, ?, ?, ?) AS u (c1, c2, c3, c4, c5, c6, c7, c8)
				ON CONFLICT (month, team_id, target_group_code) DO UPDATE SET answers = r.answers + EXCLUDED.answers,
				  unanswered = r.unanswered + EXCLUDED.unanswered, wants_contact = r.wants_contact + EXCLUDED.wants_contact,
				  scored_respondents = r.scored_respondents + EXCLUDED.scored_respondents,
				  positive_respondents = r.positive_respondents + EXCLUDED.positive_respondents""");
		if (!followUps.isEmpty()) {
			jdbc.batchUpdate("""
					INSERT INTO survey_follow_up (answer_id, candidate_id, team_id, preferred_channel, preferred_time,
					  created_at, due_on, status)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW')""", followUps);
		}
	}

	/**
	 * Rows as one text array per column, for an INSERT ... SELECT FROM unnest(...): one statement for any number of
	 * rows, whose values PostgreSQL casts to the columns' types.
	 */
	private static final class Columns {

		private final List<List<String>> columns = new ArrayList<>();

		Columns(int count) {
			for (int i = 0; i < count; i++) {
				columns.add(new ArrayList<>());
			}
		}

		void add(Object... values) {
			for (int i = 0; i < values.length; i++) {
				columns.get(i).add(values[i] == null ? null : values[i].toString());
			}
		}

		int size() {
			return columns.get(0).size();
		}

		void insert(JdbcTemplate jdbc, String sql) {
			jdbc.update(sql, (PreparedStatement ps) -> {
				Connection connection = ps.getConnection();
				for (int i = 0; i < columns.size(); i++) {
					ps.setArray(i + 1, connection.createArrayOf("text", columns.get(i).toArray()));
				}
			});
		}
	}
}
