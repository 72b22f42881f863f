package dk.vaerdig.platform.web;

/**
 * A value from the request that the application refuses before it reaches a query: a control character in a text, a
 * date outside the years the application handles. The message is a message key; the error page shows its text.
 */
class InvalidInput extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidInput(String messageKey) {
		super(messageKey);
	}

	String messageKey() {
		return getMessage();
	}
}
