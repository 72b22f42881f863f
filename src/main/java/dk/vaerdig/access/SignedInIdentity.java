package dk.vaerdig.access;

/**
 * Who is signed in: a member of staff or a candidate, never both. {@link #actor()} is how the audit log names them:
 * a member of staff by user name, a candidate as {@code candidate:<id>} (never by CPR number, which is not the
 * principal's name either).
 */
public sealed interface SignedInIdentity permits StaffMember, CandidateIdentity {

	/** The name of the principal and of the actor in the audit log. */
	String actor();

	/** Whether this identity has the permission ({@link Grants}). */
	boolean may(Permission permission);
}
