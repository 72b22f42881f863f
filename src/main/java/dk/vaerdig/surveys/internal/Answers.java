package dk.vaerdig.surveys.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.platform.Texts;
import dk.vaerdig.platform.WorkingDays;
import dk.vaerdig.surveys.SurveySettings;
import dk.vaerdig.surveys.internal.Invitations.Invitation;

/**
 * Stores answers exactly once and anonymously: the invitation is spent in the same transaction, and the answer keeps
 * only team, target group, month and day. Only when the candidate asks to be contacted is a follow-up made that
 * knows the candidate.
 */
@Service
public class Answers {

	public enum Channel {
		LINK, QR, KIOSK
	}

	public enum ContactChannel {
		PHONE, EMAIL, MEETING
	}

	public enum Outcome {
		SAVED, ALREADY_ANSWERED, EXPIRED, UNKNOWN
	}

	/** A score from 1 to 5, or {@link #DONT_KNOW}. */
	public static final int DONT_KNOW = 0;

	public record Submission(Map<Long, Integer> scores, Boolean hasUnanswered, boolean wantsContact,
			ContactChannel contactChannel, String preferredTime, String comment, Channel channel, String lang) {
	}

	private final JdbcClient jdbc;

	private final Invitations invitations;

	private final Questionnaires questionnaires;

	private final WorkingDays workingDays;

	private final SurveySettings settings;

	private final Clock clock;

	private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;

	Answers(JdbcClient jdbc, Invitations invitations, Questionnaires questionnaires, WorkingDays workingDays,
			SurveySettings settings, Clock clock, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.questionnaires = questionnaires;
		this.workingDays = workingDays;
		this.settings = settings;
		this.clock = clock;
	}

	/** Whether an answer for this token can still be given, and why not. */
	public Outcome check(String token) {
		return invitations.byToken(token)
			.map(i -> i.usedOn() != null ? Outcome.ALREADY_ANSWERED
					: i.usable(clock.instant()) ? Outcome.SAVED : Outcome.EXPIRED)
			.orElse(Outcome.UNKNOWN);
	}

	@Transactional
	public Outcome submit(String token, Submission s) {
		Invitation invitation = invitations.byToken(token).orElse(null);
		if (invitation == null) {
			return Outcome.UNKNOWN;
		}
		if (!invitations.use(invitation.id())) {
			boolean used = invitations.byId(invitation.id()).map(Invitation::usedOn).isPresent();
			return used ? Outcome.ALREADY_ANSWERED : Outcome.EXPIRED;
		}
		var questionnaire = questionnaires.active(java.util.Locale.forLanguageTag(s.lang()));
		UUID id = UUID.randomUUID();
		LocalDate today = LocalDate.now(clock);
		boolean wantsContact = Boolean.TRUE.equals(s.hasUnanswered()) && s.wantsContact();
		jdbc.sql("""
				INSERT INTO survey_answer (id, version_id, team_id, target_group_code, meeting_month, answered_on, channel,
				  lang, comment, has_unanswered, wants_contact)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, questionnaire.versionId(), invitation.teamId(), invitation.targetGroupCode(),
					invitation.meetingOn().withDayOfMonth(1), today, s.channel().name(), s.lang(),
					Texts.blankToNull(CprRedactor.redact(s.comment())), s.hasUnanswered(), wantsContact)
			.update();
		LocalDate month = invitation.meetingOn().withDayOfMonth(1);
		List<Object[]> items = new ArrayList<>();
		List<Object[]> rollups = new ArrayList<>();
		for (var question : questionnaire.scaleQuestions()) {
			Integer score = s.scores().get(question.id());
			if (score == null) {
				continue; // a question left out is no answer, not a low score
			}
			boolean dontKnow = score == DONT_KNOW;
			items.add(new Object[] { id, question.id(), dontKnow ? null : score, dontKnow });
			rollups.add(new Object[] { invitation.teamId(), invitation.targetGroupCode(), java.sql.Date.valueOf(month),
					question.id(), dontKnow ? 0 : 1, !dontKnow && score >= 4 ? 1 : 0, dontKnow ? 1 : 0, dontKnow ? 0 : score });
		}
		// one round trip each for the items and the rollups (batched), not one per question
		jdbcTemplate.batchUpdate("INSERT INTO survey_answer_item (answer_id, question_id, score, dont_know) VALUES (?, ?, ?, ?)",
				items);
		jdbcTemplate.batchUpdate("""
				INSERT INTO survey_rollup_question AS r (team_id, target_group_code, month, question_id, n, satisfied,
				  dont_know, score_sum)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (month, team_id, target_group_code, question_id) DO UPDATE SET
				  n = r.n + EXCLUDED.n, satisfied = r.satisfied + EXCLUDED.satisfied,
				  dont_know = r.dont_know + EXCLUDED.dont_know, score_sum = r.score_sum + EXCLUDED.score_sum""", rollups);
		jdbc.sql("""
				INSERT INTO survey_rollup_answer AS r (team_id, target_group_code, month, answers, unanswered, wants_contact)
				VALUES (?, ?, ?, 1, ?, ?)
				ON CONFLICT (month, team_id, target_group_code) DO UPDATE SET answers = r.answers + 1,
				  unanswered = r.unanswered + EXCLUDED.unanswered, wants_contact = r.wants_contact + EXCLUDED.wants_contact""")
			.params(invitation.teamId(), invitation.targetGroupCode(), month, Boolean.TRUE.equals(s.hasUnanswered()) ? 1 : 0,
					wantsContact ? 1 : 0)
			.update();
		if (wantsContact) {
			jdbc.sql("""
					INSERT INTO survey_follow_up (answer_id, candidate_id, team_id, preferred_channel, preferred_time,
					  created_at, due_on, status)
					VALUES (?, ?, ?, ?, ?, ?, ?, 'NEW')""")
				.params(id, invitation.candidateId(), invitation.teamId(),
						(s.contactChannel() == null ? ContactChannel.PHONE : s.contactChannel()).name(),
						Texts.blankToNull(CprRedactor.redact(s.preferredTime())), java.sql.Timestamp.from(clock.instant()),
						workingDays.plus(today, settings.followUpWorkingDays()))
				.update();
		}
		return Outcome.SAVED;
	}

}
