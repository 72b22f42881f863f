package dk.vaerdig.platform;

/** Small helpers for text typed into forms. */
public final class Texts {

	private Texts() {
	}

	/** The text without surrounding white space, or null when nothing was typed (an optional field left empty). */
	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
