package dk.vaerdig.access.internal.saml;

/**
 * A SAML message that is refused. The message says why, for the log; it never holds personal data (no CPR number, no
 * attribute values), only names of checks and identifiers of messages.
 */
public class SamlException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public SamlException(String reason) {
		super(reason);
	}

	public SamlException(String reason, Throwable cause) {
		super(reason, cause);
	}
}
