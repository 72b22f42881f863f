package dk.vaerdig.surveys.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
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

	private static final SecureRandom RANDOM = new SecureRandom();

	public record Invitation(long id, String token, long meetingId, long candidateId, long teamId,
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

	Invitations(JdbcClient jdbc, Casework casework, InvitationChannel channel, SurveySettings settings, Clock clock) {
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
		Optional<Long> id = jdbc.sql("""
				INSERT INTO survey_invitation (token, meeting_id, candidate_id, team_id, target_group_code, meeting_on,
				  created_at, expires_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id) DO NOTHING RETURNING id""")
			.params(newToken(), held.meetingId(), held.candidateId(), held.teamId(), held.targetGroupCode(),
					held.heldAt().atZone(clock.getZone()).toLocalDate(), java.sql.Timestamp.from(now),
					java.sql.Timestamp.from(now.plus(settings.invitationValidDays(), ChronoUnit.DAYS)))
			.query(Long.class)
			.optional();
		id.flatMap(this::byId).ifPresent(invitation -> {
			jdbc.sql("""
					INSERT INTO survey_rollup_invited AS r (team_id, target_group_code, month, invited) VALUES (?, ?, ?, 1)
					ON CONFLICT (month, team_id, target_group_code) DO UPDATE SET invited = r.invited + 1""")
				.params(invitation.teamId(), invitation.targetGroupCode(), invitation.meetingOn().withDayOfMonth(1))
				.update();
			channel.send(invitation, link(invitation.token()));
		});
	}

	static String newToken() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public String link(String token) {
		return settings.publicBaseUrl().replaceAll("/+$", "") + "/s/" + token;
	}

	public Optional<Invitation> byToken(String token) {
		if (token == null || token.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT * FROM survey_invitation WHERE token = ?").param(token).query(Invitation.class).optional();
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
