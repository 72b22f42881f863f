package dk.vaerdig.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.casework.MeetingHeld;
import dk.vaerdig.surveys.SurveySettings;

/**
 * One invitation per held meeting, made when casework publishes {@link MeetingHeld}: a random single-use token that
 * expires after a configurable number of days, sent through the {@link InvitationChannel}.
 */
@Service
public class Invitations {

	/** An invitation as stored: of its token only the SHA-256 (see {@link SurveyTokens}). */
	public record Invitation(long id, String tokenSha256, long meetingId, long candidateId, long teamId,
			String targetGroupCode, LocalDate meetingOn, Instant expiresAt, LocalDate usedOn) {

		public boolean usable(Instant now) {
			return usedOn == null && now.isBefore(expiresAt);
		}
	}

	private final JdbcClient jdbc;

	private final Casework casework;

	private final InvitationChannel channel;

	private final SurveySettings settings;

	private final Clock clock;

	private final SurveyTokens tokens;

	Invitations(JdbcClient jdbc, Casework casework, InvitationChannel channel, SurveySettings settings, Clock clock,
			SurveyTokens tokens) {
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.casework = casework;
		this.channel = channel;
		this.settings = settings;
		this.clock = clock;
	}

	/** Invites the candidate to evaluate the meeting; a repeated event for the same meeting invites once. */
	@ApplicationModuleListener
	void on(MeetingHeld held) {
		var candidate = casework.candidate(held.candidateId());
		if (candidate.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		// the token is made from the id, so the id is taken first (a meeting invited before wastes one number)
		long next = jdbc.sql("SELECT nextval(pg_get_serial_sequence('survey_invitation', 'id'))").query(Long.class).single();
		Optional<Long> id = jdbc.sql("""
				INSERT INTO survey_invitation (id, token_sha256, meeting_id, candidate_id, team_id, target_group_code,
				  meeting_on, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO NOTHING RETURNING id""")
			.params(next, SurveyTokens.sha256(tokens.forInvitation(next)), held.meetingId(), held.candidateId(), held.teamId(), held.targetGroupCode(),
					held.heldAt().atZone(clock.getZone()).toLocalDate(), Timestamp.from(now),
					Timestamp.from(now.plus(settings.invitationValidDays(), ChronoUnit.DAYS)))
			.query(Long.class)
			.optional();
		id.flatMap(this::byId).ifPresent(invitation -> {
			jdbc.sql("""
					INSERT INTO survey_rollup_invited AS r (team_id, target_group_code, month, invited) VALUES (?, ?, ?, 1)
					ON CONFLICT (month, team_id, target_group_code) DO UPDATE SET invited = r.invited + 1""")
				.params(invitation.teamId(), invitation.targetGroupCode(), invitation.meetingOn().withDayOfMonth(1))
				.update();
			token(invitation).map(this::link).ifPresent(link -> channel.send(invitation, link));
		});
	}

	/**
	 * The invitation's token, made again from its id; empty for an invitation made before tokens were made from ids
	 * (V85): its link, already sent, still works, but it cannot be shown again on a summary or a kiosk.
	 */
	public Optional<String> token(Invitation invitation) {
		String token = tokens.forInvitation(invitation.id());
		return SurveyTokens.sha256(token).equals(invitation.tokenSha256()) ? Optional.of(token) : Optional.empty();
	}

	public String link(String token) {
		return settings.publicBaseUrl().replaceAll("/+$", "") + "/s/" + token;
	}

	public Optional<Invitation> byToken(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM survey_invitation WHERE token_sha256 = ?")
			.param(SurveyTokens.sha256(token))
			.query(Invitation.class)
			.optional();
	}

	public Optional<Invitation> byId(long id) {
		return jdbc.sql("SELECT * FROM survey_invitation WHERE id = ?").param(id).query(Invitation.class).optional();
	}

	public Optional<Invitation> forMeeting(long meetingId) {
		return jdbc.sql("SELECT * FROM survey_invitation WHERE meeting_id = ?")
			.param(meetingId)
			.query(Invitation.class)
			.optional();
	}
}
