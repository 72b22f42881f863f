package dk.vaerdig.messaging.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.StaffMember;
import dk.vaerdig.messaging.CandidateVisibility;

/**
 * Who of the staff may read which message in the outbox: a message to a candidate by the case rule (those who may
 * open the candidate's case, as the case file decides it through {@link CandidateVisibility}); a message without a
 * candidate (a pop-up booking) by the team that owns it, and by staff who see every team. Roles that open no cases
 * (administrator, politician, communication) read no message. The list is first narrowed to the user's team in SQL
 * (the team stored with each message follows the candidate's case), then checked against the case rule.
 */
@Component
public class OutboxReaders {

	/** A message the signed-in user may read, with the candidate's full name (null for a message without one). */
	public record Readable(OutgoingMessage message, String candidateName) {
	}

	private final Outbox outbox;

	private final StaffDirectory staff;

	private final CandidateVisibility cases;

	OutboxReaders(Outbox outbox, StaffDirectory staff, CandidateVisibility cases) {
		this.outbox = outbox;
		this.staff = staff;
		this.cases = cases;
	}

	/** The newest messages (of one purpose, or null for all) the signed-in user may read, newest first. */
	public List<Readable> latest(String purpose, int limit) {
		StaffMember me = staff.currentStaff();
		if (!me.may(Permission.READ_CASES)) {
			return List.of();
		}
		List<OutgoingMessage> messages = outbox.latest(purpose, teamScope(me), limit);
		Map<Long, String> names = cases.namesVisibleToMe(
				messages.stream().map(OutgoingMessage::candidateId).filter(Objects::nonNull).distinct().toList());
		return messages.stream()
			.filter(m -> m.candidateId() == null ? me.mayOpenCasesOfTeam(m.teamId()) : names.containsKey(m.candidateId()))
			.map(m -> new Readable(m, m.candidateId() == null ? null : names.get(m.candidateId())))
			.toList();
	}

	/** The message, if the signed-in user may read it; empty both when it does not exist and when they may not. */
	public Optional<Readable> find(long id) {
		StaffMember me = staff.currentStaff();
		if (!me.may(Permission.READ_CASES)) {
			return Optional.empty();
		}
		return outbox.find(id).flatMap(m -> {
			if (m.candidateId() == null) {
				return me.mayOpenCasesOfTeam(m.teamId()) ? Optional.of(new Readable(m, null)) : Optional.empty();
			}
			return Optional.ofNullable(cases.namesVisibleToMe(List.of(m.candidateId())).get(m.candidateId()))
				.map(name -> new Readable(m, name));
		});
	}

	/** The purposes of the messages the signed-in user's team has, for the filter. */
	public List<String> purposes() {
		StaffMember me = staff.currentStaff();
		return me.may(Permission.READ_CASES) ? outbox.purposes(teamScope(me)) : List.of();
	}

	/** The team whose messages the user is limited to; null for those who see every team. */
	private static Long teamScope(StaffMember me) {
		if (me.may(Permission.ALL_TEAMS)) {
			return null;
		}
		// a member of staff without a team sees the messages of none: -1 matches no team
		return me.teamId() == null ? -1L : me.teamId();
	}
}
