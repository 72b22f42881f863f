package dk.vaerdig.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Evaluation data for the demo municipality: an invitation for every held meeting of the last year, answers from about
 * a third of the candidates (the unhappy answer less, as in real life), some asking to be contacted, and the rollups
 * that the dashboards read.
 */
@Component
class DemoSurveyData {

	private static final String[] COMMENTS = { "Min jobkonsulent lyttede virkelig til mig.",
			"Jeg ved stadig ikke, hvad der skal ske nu.", "Samtalen var god, men den startede 20 minutter for sent.",
			"Det var rart, at jeg ikke skulle fortælle det hele igen.", "Jeg fik ikke svar på mine spørgsmål om penge.",
			"Tak for hjælpen med mit CV.", "Jeg følte mig presset til at sige ja til praktikken." };

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DemoSurveyData(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void generate(Random random) {
		LocalDate today = LocalDate.now(clock);
		List<Long> scaleQuestions = jdbc.queryForList(
				"SELECT q.id FROM survey_question q JOIN survey_version v ON v.id = q.version_id "
						+ "WHERE v.status = 'ACTIVE' AND q.kind = 'SCALE' ORDER BY q.position", Long.class);
		Long version = jdbc.queryForObject("SELECT id FROM survey_version WHERE status = 'ACTIVE'", Long.class);
		List<Object[]> invitations = new ArrayList<>();
		List<Object[]> answers = new ArrayList<>();
		List<Object[]> items = new ArrayList<>();
		List<Object[]> followUps = new ArrayList<>();
		jdbc.query("""
				SELECT m.id, m.candidate_id, c.team_id, c.target_group_code, CAST(m.held_at AS DATE) AS held_on
				FROM meeting m JOIN candidate c ON c.id = m.candidate_id
				WHERE m.status = 'HELD' AND m.held_at > now() - interval '1 year' ORDER BY m.id""", rs -> {
			long teamId = rs.getLong("team_id");
			LocalDate heldOn = rs.getDate("held_on").toLocalDate();
			// each team has its own level of satisfaction, so the dashboard has something to compare
			double mood = 0.55 + 0.12 * (teamId % 3);
			boolean happy = random.nextDouble() < mood;
			boolean answered = random.nextDouble() < (happy ? 0.38 : 0.22);
			LocalDate answeredOn = heldOn.plusDays(random.nextInt(3));
			if (answeredOn.isAfter(today)) {
				answeredOn = today;
			}
			byte[] token = new byte[16];
			random.nextBytes(token);
			invitations.add(new Object[] { Base64.getUrlEncoder().withoutPadding().encodeToString(token), rs.getLong("id"),
					rs.getLong("candidate_id"), teamId, rs.getString("target_group_code"), Date.valueOf(heldOn),
					Timestamp.valueOf(heldOn.atTime(12, 0)), Timestamp.valueOf(heldOn.plusDays(14).atTime(12, 0)),
					answered ? Date.valueOf(answeredOn) : null });
			if (!answered) {
				return;
			}
			UUID id = UUID.randomUUID();
			boolean unanswered = random.nextDouble() < (happy ? 0.05 : 0.3);
			boolean contact = unanswered && random.nextBoolean();
			String comment = random.nextInt(6) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null;
			answers.add(new Object[] { id, version, teamId, rs.getString("target_group_code"),
					Date.valueOf(heldOn.withDayOfMonth(1)), Date.valueOf(answeredOn), random.nextInt(4) == 0 ? "KIOSK" : "LINK",
					"da", comment, unanswered, contact });
			for (Long q : scaleQuestions) {
				if (random.nextInt(12) == 0) {
					continue;
				}
				boolean dontKnow = random.nextInt(20) == 0;
				int score = happy ? 3 + random.nextInt(3) : 1 + random.nextInt(4);
				items.add(new Object[] { id, q, dontKnow ? null : score, dontKnow });
			}
			if (contact) {
				boolean recent = heldOn.isAfter(today.minusDays(10));
				String status = recent ? (random.nextBoolean() ? "NEW" : "CONTACTED") : "RESOLVED";
				followUps.add(new Object[] { id, rs.getLong("candidate_id"), teamId, "PHONE", "Efter kl. 12",
						Timestamp.valueOf(answeredOn.atTime(14, 0)), Date.valueOf(answeredOn.plusDays(3)), status,
						status.equals("RESOLVED") ? Timestamp.valueOf(answeredOn.plusDays(random.nextInt(4)).atTime(11, 0)) : null });
			}
		});
		jdbc.batchUpdate("""
				INSERT INTO survey_invitation (token_sha256, meeting_id, candidate_id, team_id, target_group_code, meeting_on,
				  created_at, expires_at, used_on)
				VALUES (encode(sha256(convert_to(?, 'UTF8')), 'hex'), ?, ?, ?, ?, ?, ?, ?, ?)""", invitations);
		jdbc.batchUpdate("""
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, comment, has_unanswered, wants_contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", answers);
		jdbc.batchUpdate("INSERT INTO survey_answer_item (answer_id, question_id, score, dont_know) VALUES (?, ?, ?, ?)",
				items);
		jdbc.batchUpdate("""
				INSERT INTO survey_follow_up (answer_id, candidate_id, team_id, preferred_channel, preferred_time,
				  created_at, due_on, status, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", followUps);
		rebuildRollups();
		jdbc.update("""
				INSERT INTO survey_improvement (you_said_da, we_did_da, you_said_en, we_did_en, published_by, published_at)
				VALUES ('Det var svært at vide, hvad der skulle ske efter samtalen.',
				        'Nu får du altid et kort referat med jeres aftaler og næste skridt med hjem.',
				        'It was hard to know what would happen after the meeting.',
				        'Now you always get a short summary with your agreements and the next step.', 'teamleder', now()),
				       ('Samtalerne startede ofte for sent.', 'Vi har lagt 15 minutter mere mellem samtalerne.',
				        'The meetings often started late.', 'We have put 15 more minutes between meetings.', 'teamleder', now())""");
	}

	/** The rollups, computed from scratch from the answers and invitations. */
	void rebuildRollups() {
		jdbc.update("DELETE FROM survey_rollup_question");
		jdbc.update("DELETE FROM survey_rollup_answer");
		jdbc.update("DELETE FROM survey_rollup_invited");
		jdbc.update("""
				INSERT INTO survey_rollup_question (team_id, target_group_code, month, question_id, n, satisfied, dont_know, score_sum)
				SELECT a.team_id, a.target_group_code, a.meeting_month, i.question_id,
				       count(i.score), count(*) FILTER (WHERE i.score >= 4), count(*) FILTER (WHERE i.dont_know),
				       coalesce(sum(i.score), 0)
				FROM survey_answer a JOIN survey_answer_item i ON i.answer_id = a.id
				GROUP BY a.team_id, a.target_group_code, a.meeting_month, i.question_id""");
		jdbc.update("""
				INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
				  scored_respondents, positive_respondents)
				SELECT a.team_id, a.target_group_code, a.meeting_month, count(*), count(*) FILTER (WHERE a.has_unanswered),
				       count(*) FILTER (WHERE a.wants_contact), count(*) FILTER (WHERE s.scored > 0),
				       count(*) FILTER (WHERE s.scored > 0 AND 2 * s.positive >= s.scored)
				FROM survey_answer a
				LEFT JOIN (SELECT answer_id, count(score) AS scored, count(*) FILTER (WHERE score >= 4) AS positive
				           FROM survey_answer_item GROUP BY answer_id) s ON s.answer_id = a.id
				GROUP BY a.team_id, a.target_group_code, a.meeting_month""");
		jdbc.update("""
				INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited)
				SELECT team_id, target_group_code, CAST(date_trunc('month', meeting_on) AS DATE), count(*)
				FROM survey_invitation GROUP BY 1, 2, 3""");
	}
}
