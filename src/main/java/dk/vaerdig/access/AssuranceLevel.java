package dk.vaerdig.access;

/**
 * The level of assurance of a login (NSIS: low, substantial, high), as the identity provider reports it. MitID logins
 * of candidates must be at least {@link #SUBSTANTIAL}; the demo test login records {@link #SUBSTANTIAL}.
 */
public enum AssuranceLevel {

	LOW, SUBSTANTIAL, HIGH;

	public boolean atLeast(AssuranceLevel other) {
		return compareTo(other) >= 0;
	}
}
