package dk.vaerdig.access;

/** Kinds of use of a candidate's personal data that the audit log records. */
public enum AuditAction {
	/** The case page with the candidate's details was opened. */
	VIEW_CASE,
	/** The full CPR number was revealed. */
	REVEAL_CPR,
	/** A candidate list with personal data was shown or searched. */
	SEARCH,
	/** A meeting summary or other document about the candidate was opened. */
	VIEW_DOCUMENT,
	/** A handover about the candidate was opened. */
	VIEW_HANDOVER,
	/** The candidate's data was changed. */
	CHANGE,
	/** The candidate appeared in a list (name and what the list shows of them), outside a search. */
	VIEW_LIST,
	/** A file with the candidate's data (a PDF, a CSV export) was made. */
	EXPORT,
	/** The candidate signed in to their own pages (the detail says how, and the level of assurance). */
	SIGN_IN
}
