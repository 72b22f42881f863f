package dk.vaerdig.access;

/** What happens to a record whose retention period has run out. */
public enum RetentionAction {

	/** The record is deleted. */
	DELETE,

	/** What identifies a person is removed; the rest stays for statistics. */
	ANONYMISE
}
