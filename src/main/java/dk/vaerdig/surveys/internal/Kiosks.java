package dk.vaerdig.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.surveys.SurveySettings;

/**
 * Kiosk tablets in the lobby. After a meeting the caseworker hands the meeting's invitation to a kiosk; the kiosk then
 * shows that questionnaire, and only that, until it is answered or the hand-over grows old. It never shows an answer.
 */
@Service
public class Kiosks {

	public record Kiosk(long id, String name, String key, Long invitationId, Instant assignedAt) {
	}

	private final JdbcClient jdbc;

	private final Invitations invitations;

	private final SurveySettings settings;

	private final Clock clock;

	private final StaffDirectory staff;

	Kiosks(JdbcClient jdbc, Invitations invitations, SurveySettings settings, Clock clock, StaffDirectory staff) {
		this.staff = staff;
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.settings = settings;
		this.clock = clock;
	}

	public List<Kiosk> all() {
		return jdbc.sql("SELECT * FROM survey_kiosk ORDER BY name").query(Kiosk.class).list();
	}

	public Optional<Kiosk> byKey(String key) {
		return jdbc.sql("SELECT * FROM survey_kiosk WHERE key = ?").param(key).query(Kiosk.class).optional();
	}

	/** Only staff who work with cases hand questionnaires to kiosks. */
	public StaffMember checkStaff() {
		StaffMember me = staff.currentStaff();
		if (!me.may(Permission.READ_CASES)) {
			throw new AccessDeniedException("surveys.kiosk.denied");
		}
		return me;
	}

	/**
	 * Hands the held meeting's questionnaire to the kiosk; false when the meeting has no open invitation. Only staff
	 * who may open the candidate's case may do it.
	 */
	@Transactional
	public boolean handOver(long kioskId, long meetingId) {
		StaffMember me = checkStaff();
		var invitation = invitations.forMeeting(meetingId)
			.filter(i -> i.usable(clock.instant()))
			.filter(i -> me.mayOpenCasesOfTeam(i.teamId()))
			.filter(i -> invitations.token(i).isPresent());
		if (invitation.isEmpty()) {
			return false;
		}
		return jdbc.sql("UPDATE survey_kiosk SET invitation_id = ?, assigned_at = ? WHERE id = ?")
			.params(invitation.get().id(), Timestamp.from(clock.instant()), kioskId)
			.update() == 1;
	}

	/** The token the kiosk should show now, if a fresh, unanswered questionnaire waits there. */
	public Optional<String> waitingToken(Kiosk kiosk) {
		if (kiosk.invitationId() == null || kiosk.assignedAt() == null
				|| kiosk.assignedAt().plus(settings.kioskAssignmentMinutes(), ChronoUnit.MINUTES).isBefore(clock.instant())) {
			return Optional.empty();
		}
		return invitations.byId(kiosk.invitationId()).filter(i -> i.usable(clock.instant())).flatMap(invitations::token);
	}

	/** Clears the kiosk after an answer, so the next person sees the welcome screen. */
	public void clear(String key) {
		jdbc.sql("UPDATE survey_kiosk SET invitation_id = NULL, assigned_at = NULL WHERE key = ?").param(key).update();
	}
}
