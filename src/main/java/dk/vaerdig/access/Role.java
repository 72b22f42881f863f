package dk.vaerdig.access;

/** The job functions of staff, with least privilege: see {@link #seesCases()} and {@link #seesAllTeams()}. */
public enum Role {

	CASEWORKER, TEAM_LEAD, MANAGER, COMMUNICATION, COMPLAINT_HANDLER, COMPANY_CONSULTANT, POLITICIAN, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Whether this role may open a candidate's case at all. */
	public boolean seesCases() {
		return switch (this) {
			case CASEWORKER, TEAM_LEAD, MANAGER, COMPLAINT_HANDLER, COMPANY_CONSULTANT -> true;
			default -> false;
		};
	}

	/**
	 * Whether this role may change the cases it opens (notes, story, meetings, plan, reassignment). A complaint
	 * handler reads every case but changes none.
	 */
	public boolean changesCases() {
		return seesCases() && this != COMPLAINT_HANDLER;
	}

	/** Whether this role sees the cases of every team, not only its own. */
	public boolean seesAllTeams() {
		return this == MANAGER || this == COMPLAINT_HANDLER;
	}
}
