package dk.vaerdig.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for Excel users, safe against formula injection: a cell that starts with =, +, -, @, tab or carriage return is
 * prefixed with a single quote, so a spreadsheet shows it as text instead of running it (OWASP's advice).
 */
public final class CsvWriter {

	private CsvWriter() {
	}

	public static String row(List<?> cells) {
		return cells.stream().map(CsvWriter::cell).collect(Collectors.joining(";")) + "\r\n";
	}

	public static String cell(Object value) {
		String s = value == null ? "" : String.valueOf(value);
		if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
			s = "'" + s;
		}
		if (s.contains(";") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
			s = "\"" + s.replace("\"", "\"\"") + "\"";
		}
		return s;
	}
}
