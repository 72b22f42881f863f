package dk.vaerdig.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4180 quoting and formula neutralisation of {@link CsvWriter}, read back with a strict RFC 4180 reader. */
class CsvWriterTest {

	@Test
	void everyCellIsQuotedAndInnerQuotesAreDoubled() {
		assertThat(CsvWriter.row(List.of("Team Job", "a, b", "a;b", "sagde \"nej\"", 42, "")))
			.isEqualTo("\"Team Job\";\"a, b\";\"a;b\";\"sagde \"\"nej\"\"\";\"42\";\"\"\r\n");
		assertThat(CsvWriter.cell(null)).isEqualTo("\"\"");
	}

	@Test
	void aCommaOrALineBreakInsideACellKeepsTheColumns() {
		String csv = CsvWriter.row(List.of("kind", "group", "n")) + CsvWriter.row(List.of("team", "Job, Syd\r\nog Nord", 7));
		assertThat(read(csv)).containsExactly(List.of("kind", "group", "n"), List.of("team", "Job, Syd\r\nog Nord", "7"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1+1", " =1+1", "  \t=HYPERLINK(\"http://x\")", "+45 1234", " +45", "-2", "\t-2", "@SUM(A1)",
			" @SUM(A1)", "\u00A0=1+1", "\tx", "\rx" })
	void aFormulaIsNeutralisedAlsoAfterLeadingSpaces(String text) {
		String cell = read(CsvWriter.row(List.of(text))).get(0).get(0);
		assertThat(cell).isEqualTo("'" + text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Team Job", "12", "a = b", "1-2", "x@y.dk", " ", "" })
	void ordinaryTextIsLeftAsItIs(String text) {
		assertThat(read(CsvWriter.row(List.of(text))).get(0).get(0)).isEqualTo(text);
	}

	/** Property: any text, written and read back, gives the same cells (less the apostrophe of a neutralised formula). */
	@Test
	void anyTextSurvivesTheRoundTrip() {
		Random random = new Random(4180);
		String alphabet = "ab æ;,\"\r\n\t=+-@'1";
		for (int i = 0; i < 3000; i++) {
			List<String> cells = new ArrayList<>();
			for (int c = 1 + random.nextInt(5); c > 0; c--) {
				StringBuilder s = new StringBuilder();
				for (int j = random.nextInt(12); j > 0; j--) {
					s.append(alphabet.charAt(random.nextInt(alphabet.length())));
				}
				cells.add(s.toString());
			}
			List<List<String>> back = read(CsvWriter.row(cells));
			assertThat(back).as(cells.toString()).hasSize(1);
			List<String> expected = cells.stream().map(s -> CsvWriter.startsLikeAFormula(s) ? "'" + s : s).toList();
			assertThat(back.get(0)).as(cells.toString()).isEqualTo(expected);
			for (String cell : back.get(0)) {
				String afterBlanks = cell.stripLeading();
				assertThat(cell.isEmpty() || cell.charAt(0) == '\'' || !"=+-@\t\r".contains(cell.substring(0, 1))
						&& (afterBlanks.isEmpty() || !"=+-@".contains(afterBlanks.substring(0, 1))))
					.as(cell).isTrue();
			}
		}
	}

	/** A strict RFC 4180 reader (with ; as separator): every field must be quoted, lines end with CRLF. */
	static List<List<String>> read(String csv) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		int i = 0;
		while (i < csv.length()) {
			if (csv.charAt(i) != '"') {
				throw new AssertionError("unquoted field at " + i + " in " + csv);
			}
			StringBuilder field = new StringBuilder();
			i++;
			while (true) {
				char c = csv.charAt(i);
				if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
					field.append('"');
					i += 2;
				}
				else if (c == '"') {
					i++;
					break;
				}
				else {
					field.append(c);
					i++;
				}
			}
			row.add(field.toString());
			if (csv.startsWith(";", i)) {
				i++;
			}
			else if (csv.startsWith("\r\n", i)) {
				rows.add(row);
				row = new ArrayList<>();
				i += 2;
			}
			else {
				throw new AssertionError("expected ; or CRLF at " + i + " in " + csv);
			}
		}
		assertThat(row).as("the last line ends with CRLF").isEmpty();
		return rows;
	}
}
