package dk.vaerdig.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV as RFC 4180 writes it, for Excel users, and safe against formula injection. Every cell is quoted ("…", a quote
 * inside doubled), so a separator, a comma, a quote or a line break inside a cell never splits it, in whatever locale
 * the file is opened; lines end with CRLF. The separator is the semicolon, which Danish Excel reads as its list
 * separator. A cell that a spreadsheet would read as a formula — one starting with =, +, -, @, tab or carriage return,
 * also after leading spaces, tabs or line breaks — gets a single quote in front, so it is shown as text and never run (OWASP's
 * advice).
 */
public final class CsvWriter {

	/** The separator between cells. */
	public static final String SEPARATOR = ";";

	/** The end of a line, as RFC 4180 has it. */
	public static final String LINE_END = "\r\n";

	private CsvWriter() {
	}

	/** One line: every cell quoted, separated by {@link #SEPARATOR}, ended by CRLF. */
	public static String row(List<?> cells) {
		return cells.stream().map(CsvWriter::cell).collect(Collectors.joining(SEPARATOR)) + LINE_END;
	}

	/** One quoted cell; null is an empty cell. */
	public static String cell(Object value) {
		String s = value == null ? "" : String.valueOf(value);
		if (startsLikeAFormula(s)) {
			s = "'" + s;
		}
		return "\"" + s.replace("\"", "\"\"") + "\"";
	}

	/** True if a spreadsheet could read the text as a formula: =, +, -, @ after any blanks, or a tab or CR first. */
	static boolean startsLikeAFormula(String s) {
		if (s.isEmpty()) {
			return false;
		}
		if (s.charAt(0) == '\t' || s.charAt(0) == '\r') {
			return true;
		}
		int i = 0;
		while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i)))) {
			i++;
		}
		return i < s.length() && "=+-@".indexOf(s.charAt(i)) >= 0;
	}
}
