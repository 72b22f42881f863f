package dk.vaerdig.access;

/** A member of staff as other modules see them; what they may do comes from their role through {@link Grants}. */
public record StaffMember(String username, String displayName, String phone, String email, Role role, Long teamId,
		String teamName) implements SignedInIdentity {

	@Override
	public String actor() {
		return username;
	}

	@Override
	public boolean may(Permission permission) {
		return Grants.of(role).contains(permission);
	}

	/** The team the member's team-bound permissions are limited to, or null when they reach every team. */
	public Long teamScope() {
		return may(Permission.ALL_TEAMS) ? null : teamId;
	}

	public boolean mayOpenCasesOfTeam(Long caseTeamId) {
		return may(Permission.READ_CASES) && reachesTeam(caseTeamId);
	}

	/** Whether this member of staff may change a case of the team, not only read it. */
	public boolean mayChangeCasesOfTeam(Long caseTeamId) {
		return may(Permission.CHANGE_CASES) && mayOpenCasesOfTeam(caseTeamId);
	}

	/** Whether the member's team-bound permissions reach the team: their own, or every team. */
	public boolean reachesTeam(Long team) {
		return may(Permission.ALL_TEAMS) || (teamId != null && teamId.equals(team));
	}
}
