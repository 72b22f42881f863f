package dk.vaerdig.letters.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import dk.vaerdig.platform.CsvWriter;

/**
 * One batch audit as it stands in the database ({@code letter_audit_job}) when it was read: how far it is, and
 * whether it is done or failed. The rows are read separately ({@link BatchAudit#ranked}), so any app node can show
 * the progress and the report.
 *
 * @param takeovers how many times another node took the job over after the node running it stopped
 */
public record AuditJob(UUID id, String owner, int total, int done, String state, Instant started, Instant finishedAt,
		int takeovers) {

	/**
	 * The result for one letter; {@code error} is a message key when the file could not be read.
	 */
	public record Row(String file, int score, char grade, int lix, int words, int sentences, long longSentences,
			long passive, long nominalisations, long officialese, long disempowering, long formalAddress, long spelling,
			List<String> missing, String error, String kind, Integer lixBody) {

		static Row of(String file, Analysis a) {
			List<String> missing = a.elements().stream().filter(e -> !e.present()).map(RequiredElements.Check::element).toList();
			return new Row(file, a.score(), a.grade(), a.stats().lixRounded(), a.stats().words(), a.stats().sentences(),
					a.stats().longSentences(), a.count(Rule.PASSIVE) + a.count(Rule.BLIVE_PASSIVE),
					a.count(Rule.NOMINALISATION), a.count(Rule.OFFICIALESE), a.count(Rule.DISEMPOWERING),
					a.count(Rule.FORMAL_ADDRESS), a.count(Rule.SPELLING) + a.count(Rule.GRAMMAR), missing, null,
					a.kind().name(), a.hasSubjectLine() ? a.body().lixRounded() : null);
		}

		static Row failed(String file, String errorKey) {
			return new Row(file, -1, '-', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), errorKey, null, null);
		}

		/** The message key of the kind the letter was checked as, or null. */
		public String kindKey() {
			return kind == null ? null : "letters.category." + kind.toLowerCase(Locale.ROOT);
		}
	}

	public static final String RUNNING = "RUNNING";

	public static final String DONE = "DONE";

	public static final String FAILED = "FAILED";

	/** Done or failed: nothing more will happen to it. */
	public boolean finished() {
		return !RUNNING.equals(state);
	}

	/** Given up: the nodes running it stopped too often (see {@code BatchAudit}); the rows so far are kept. */
	public boolean failed() {
		return FAILED.equals(state);
	}

	public int percent() {
		return total == 0 ? 100 : (int) (100L * done / total);
	}

	public long seconds() {
		return Duration.between(started, finishedAt == null ? Instant.now() : finishedAt).toSeconds();
	}

	/**
	 * The ranked report as CSV through {@link CsvWriter}: every cell quoted (RFC 4180, semicolons as Danish Excel reads
	 * them), and a cell that a spreadsheet would read as a formula gets a leading apostrophe.
	 */
	public static void writeCsv(Writer out, Iterable<Row> ranked, Function<String, String> messages) {
		try {
			String[] head = { "rank", "file", "kind", "score", "grade", "lix", "lix-body", "words", "sentences", "long-sentences", "passive",
					"nominalisations", "officialese", "disempowering", "formal-address", "spelling", "missing", "error" };
			out.write(CsvWriter.row(Arrays.stream(head).map(h -> messages.apply("letters.audit.csv." + h)).toList()));
			int rank = 0;
			for (Row r : ranked) {
				rank++;
				Object[] cells = { rank, r.file(), r.kindKey() == null ? "" : messages.apply(r.kindKey()), r.score() < 0 ? "" : r.score(), r.grade(), r.lix(), r.lixBody() == null ? "" : r.lixBody(), r.words(),
						r.sentences(), r.longSentences(), r.passive(), r.nominalisations(), r.officialese(),
						r.disempowering(), r.formalAddress(), r.spelling(),
						String.join(", ", r.missing().stream().map(m -> messages.apply("letters.element." + m)).toList()),
						r.error() == null ? "" : messages.apply(r.error()) };
				out.write(CsvWriter.row(Arrays.asList(cells)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
