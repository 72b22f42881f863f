package dk.vaerdig.access;

/** A member of staff as other modules see them. */
public record StaffMember(String username, String displayName, String phone, String email, Role role, Long teamId,
		String teamName) implements SignedInIdentity {

	@Override
	public String actor() {
		return username;
	}

	public boolean mayOpenCasesOfTeam(Long caseTeamId) {
		return role.seesCases() && (role.seesAllTeams() || (teamId != null && teamId.equals(caseTeamId)));
	}

	/** Whether this member of staff may change a case of the team, not only read it. */
	public boolean mayChangeCasesOfTeam(Long caseTeamId) {
		return role.changesCases() && mayOpenCasesOfTeam(caseTeamId);
	}
}
