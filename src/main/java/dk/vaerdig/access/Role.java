package dk.vaerdig.access;

/**
 * The job functions of staff. A role is only a name for a set of permissions: what each role may do is in one table,
 * {@link Grants}.
 */
public enum Role {

	CASEWORKER, TEAM_LEAD, MANAGER, COMMUNICATION, COMPLAINT_HANDLER, COMPANY_CONSULTANT, POLITICIAN, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}
}
