package dk.vaerdig.letters.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dk.vaerdig.platform.CsvWriter;

/**
 * One batch audit: how far it is, and a small row per letter (the texts themselves are not kept, so memory grows with
 * the number of letters, not their size). Thread-safe.
 */
public final class AuditJob {

	/**
	 * The result for one letter; {@code error} is a message key when the file could not be read.
	 */
	public record Row(String file, int score, char grade, int lix, int words, int sentences, long longSentences,
			long passive, long nominalisations, long officialese, long disempowering, long formalAddress, long spelling,
			List<String> missing, String error) {

		static Row of(String file, Analysis a) {
			List<String> missing = a.elements().stream().filter(e -> !e.present()).map(RequiredElements.Check::element).toList();
			return new Row(file, a.score(), a.grade(), a.stats().lixRounded(), a.stats().words(), a.stats().sentences(),
					a.stats().longSentences(), a.count(Rule.PASSIVE) + a.count(Rule.BLIVE_PASSIVE),
					a.count(Rule.NOMINALISATION), a.count(Rule.OFFICIALESE), a.count(Rule.DISEMPOWERING),
					a.count(Rule.FORMAL_ADDRESS), a.count(Rule.SPELLING) + a.count(Rule.GRAMMAR), missing, null);
		}

		static Row failed(String file, String errorKey) {
			return new Row(file, -1, '-', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), errorKey);
		}
	}

	private final UUID id = UUID.randomUUID();

	private final String owner;

	private final int total;

	private final AtomicInteger done = new AtomicInteger();

	private final List<Row> rows;

	private final Instant started = Instant.now();

	private volatile Instant finished;

	public AuditJob(String owner, int total) {
		this.owner = owner;
		this.total = total;
		this.rows = new ArrayList<>(total);
	}

	void add(Row row) {
		synchronized (rows) {
			rows.add(row);
		}
		done.incrementAndGet();
	}

	void finish() {
		finished = Instant.now();
	}

	public UUID id() {
		return id;
	}

	public String owner() {
		return owner;
	}

	public int total() {
		return total;
	}

	public int done() {
		return done.get();
	}

	public boolean finished() {
		return finished != null;
	}

	public int percent() {
		return total == 0 ? 100 : (int) (100L * done.get() / total);
	}

	public long seconds() {
		return java.time.Duration.between(started, finished == null ? Instant.now() : finished).toSeconds();
	}

	/** Worst first: files that could not be read, then by score, then by LIX (higher first). */
	public List<Row> ranked() {
		List<Row> copy;
		synchronized (rows) {
			copy = new ArrayList<>(rows);
		}
		copy.sort(Comparator.comparingInt(Row::score).thenComparing(Comparator.comparingInt(Row::lix).reversed())
			.thenComparing(Row::file));
		return copy;
	}

	public String csv(java.util.function.Function<String, String> messages) {
		StringWriter out = new StringWriter();
		writeCsv(out, messages);
		return out.toString();
	}

	/**
	 * The ranked report as CSV through {@link CsvWriter}: every cell quoted (RFC 4180, semicolons as Danish Excel reads
	 * them), and a cell that a spreadsheet would read as a formula gets a leading apostrophe.
	 */
	public void writeCsv(Writer out, java.util.function.Function<String, String> messages) {
		try {
			String[] head = { "rank", "file", "score", "grade", "lix", "words", "sentences", "long-sentences", "passive",
					"nominalisations", "officialese", "disempowering", "formal-address", "spelling", "missing", "error" };
			out.write(CsvWriter.row(java.util.Arrays.stream(head).map(h -> messages.apply("letters.audit.csv." + h)).toList()));
			int rank = 0;
			for (Row r : ranked()) {
				rank++;
				Object[] cells = { rank, r.file(), r.score() < 0 ? "" : r.score(), r.grade(), r.lix(), r.words(),
						r.sentences(), r.longSentences(), r.passive(), r.nominalisations(), r.officialese(),
						r.disempowering(), r.formalAddress(), r.spelling(),
						String.join(", ", r.missing().stream().map(m -> messages.apply("letters.element." + m)).toList()),
						r.error() == null ? "" : messages.apply(r.error()) };
				out.write(CsvWriter.row(java.util.Arrays.asList(cells)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
