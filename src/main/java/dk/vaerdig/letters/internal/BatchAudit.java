package dk.vaerdig.letters.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.letters.LetterSettings;
import dk.vaerdig.platform.AppNode;

/**
 * The batch audit of many letters, shared by every app node through PostgreSQL: the job, the uploaded files and one
 * small result row per letter are in tables ({@code letter_audit_job}, {@code letter_audit_upload},
 * {@code letter_audit_row}), so any node can show the progress and the report. The node that took the upload runs
 * the job on a bounded executor ({@code auditThreads} threads, a queue of 4 jobs; beyond that a new batch is refused
 * as busy): it reads one file at a time, analyses it, and in one transaction stores its row, deletes the file and
 * counts it done, which also refreshes the job's heartbeat. A node that finds a running job whose heartbeat is older
 * than {@code vaerdig.letters.audit-takeover-after} (60 s: its node died or was stopped) takes it over and continues
 * with the files not yet analysed; after {@value #MAX_TAKEOVERS} takeovers the job is marked failed (a file that
 * brings down every node must not do so forever), keeping the rows so far. The last {@code auditKeepJobs} finished
 * jobs are kept.
 */
@Service
public class BatchAudit implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchAudit.class);

	static final int MAX_TAKEOVERS = 3;

	/** An uploaded file: its name, its size and how to read its bytes. */
	public record Upload(String name, long size, Content content) {
	}

	/** The bytes of an upload, read once when it is stored. */
	public interface Content {
		InputStream open() throws IOException;
	}

	/** Too many batches are running; try again later. */
	public static class Busy extends RuntimeException {

		public Busy() {
			super("letters.audit.busy");
		}
	}

	private final Analyses analyses;

	private final LetterSettings settings;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate tx;

	private final Duration takeoverAfter;

	private final ThreadPoolExecutor executor;

	private final AppNode node;

	BatchAudit(Analyses analyses, LetterSettings settings, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx,
			@Value("${vaerdig.letters.audit-takeover-after:60s}") Duration takeoverAfter, AppNode node) {
		this.node = node;
		this.analyses = analyses;
		this.settings = settings;
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
		this.takeoverAfter = takeoverAfter;
		int threads = Math.max(1, settings.auditThreads());
		this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), r -> {
			Thread t = new Thread(r, "letters-audit");
			t.setDaemon(true);
			return t;
		});
	}

	/** Stores the uploads and starts the batch on this node. */
	public AuditJob start(String owner, List<Upload> uploads, LetterCategory category, boolean spelling) {
		if (executor.getQueue().remainingCapacity() == 0) {
			throw new Busy();
		}
		UUID id = UUID.randomUUID();
		tx.executeWithoutResult(status -> {
			jdbc.sql("""
					INSERT INTO letter_audit_job (id, owner, category, spelling, total, state, node)
					VALUES (?, ?, ?, ?, ?, 'RUNNING', ?)""")
				.params(id, owner, category.name(), spelling, uploads.size(), node.name())
				.update();
			for (int from = 0; from < uploads.size(); from += 50) {
				List<Upload> chunk = uploads.subList(from, Math.min(uploads.size(), from + 50));
				int first = from;
				template.execute("INSERT INTO letter_audit_upload (job_id, seq, name, content) VALUES (?, ?, ?, ?)",
						(PreparedStatement ps) -> {
							List<InputStream> open = new ArrayList<>();
							try {
								for (int i = 0; i < chunk.size(); i++) {
									InputStream in = chunk.get(i).content().open();
									open.add(in);
									ps.setObject(1, id);
									ps.setInt(2, first + i);
									ps.setString(3, chunk.get(i).name());
									ps.setBinaryStream(4, in, chunk.get(i).size());
									ps.addBatch();
								}
								ps.executeBatch();
							}
							catch (IOException e) {
								throw new SQLException("could not read an upload", e);
							}
							finally {
								for (InputStream in : open) {
									try {
										in.close();
									}
									catch (IOException ignored) {
										// the bytes were sent or the batch failed
									}
								}
							}
							return null;
						});
			}
			// the heartbeat from the end of the upload, not from the start of this transaction (now()): storing
			// thousands of files can take longer than the takeover time, and the job must not look abandoned
			jdbc.sql("UPDATE letter_audit_job SET heartbeat_at = clock_timestamp() WHERE id = ?").param(id).update();
		});
		try {
			executor.execute(() -> run(id));
		}
		catch (RejectedExecutionException e) {
			jdbc.sql("DELETE FROM letter_audit_job WHERE id = ?").param(id).update();
			throw new Busy();
		}
		return job(id).orElseThrow();
	}

	/** Analyses the files of the job not yet analysed, one by one, for as long as this node holds the job. */
	void run(UUID id) {
		String me = node.name();
		try {
			var job = jdbc.sql("SELECT category, spelling FROM letter_audit_job WHERE id = ? AND node = ? AND state = 'RUNNING'")
				.params(id, me)
				.query((rs, n) -> new Object[] { LetterCategory.valueOf(rs.getString(1)), rs.getBoolean(2) })
				.optional();
			if (job.isEmpty()) {
				return;
			}
			LetterCategory category = (LetterCategory) job.get()[0];
			boolean spelling = (Boolean) job.get()[1];
			while (!Thread.currentThread().isInterrupted()) {
				Optional<Object[]> next = jdbc.sql("""
						SELECT seq, name, content FROM letter_audit_upload WHERE job_id = ? ORDER BY seq LIMIT 1""")
					.param(id)
					.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2), rs.getBytes(3) })
					.optional();
				if (next.isEmpty()) {
					break;
				}
				int seq = (Integer) next.get()[0];
				String name = (String) next.get()[1];
				byte[] bytes = (byte[]) next.get()[2];
				AuditJob.Row row = audit(name, () -> bytes, category, spelling);
				Boolean stillMine = tx.execute(status -> {
					int counted = jdbc.sql("""
							UPDATE letter_audit_job SET done = done + 1, heartbeat_at = now()
							WHERE id = ? AND node = ? AND state = 'RUNNING'""")
						.params(id, me)
						.update();
					if (counted == 0) {
						status.setRollbackOnly();
						return false;
					}
					insertRow(id, seq, row);
					jdbc.sql("DELETE FROM letter_audit_upload WHERE job_id = ? AND seq = ?").params(id, seq).update();
					return true;
				});
				if (!Boolean.TRUE.equals(stillMine)) {
					log.info("Batch audit {} was taken over by another node; this node stops", id);
					return;
				}
			}
			if (!Thread.currentThread().isInterrupted()) {
				jdbc.sql("""
						UPDATE letter_audit_job SET state = 'DONE', finished_at = now()
						WHERE id = ? AND node = ? AND state = 'RUNNING'""")
					.params(id, me)
					.update();
				forgetOldJobs();
			}
		}
		catch (RuntimeException e) {
			if (!Thread.currentThread().isInterrupted()) {
				log.warn("Batch audit {} stopped on this node: {}; another node takes it over", id, e.toString());
			}
		}
	}

	private void insertRow(UUID id, int seq, AuditJob.Row r) {
		jdbc.sql("""
				INSERT INTO letter_audit_row (job_id, seq, file, score, grade, lix, words, sentences, long_sentences, passive,
				  nominalisations, officialese, disempowering, formal_address, spelling, missing, error, kind, lix_body)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, seq, r.file(), r.score(), String.valueOf(r.grade()), r.lix(), r.words(), r.sentences(),
					r.longSentences(), r.passive(), r.nominalisations(), r.officialese(), r.disempowering(),
					r.formalAddress(), r.spelling(), r.missing().toArray(String[]::new), r.error(), r.kind(), r.lixBody())
			.update();
	}

	/**
	 * Takes over a running job whose node stopped sending heartbeats, on whichever node checks first (the claim is one
	 * atomic update); a job taken over too often is marked failed instead.
	 */
	@Scheduled(fixedDelayString = "${vaerdig.letters.audit-takeover-check:10s}", initialDelayString = "10s")
	public void takeOverAbandonedJobs() {
		jdbc.sql("""
				UPDATE letter_audit_job SET state = 'FAILED', finished_at = now()
				WHERE state = 'RUNNING' AND takeovers >= ? AND heartbeat_at < now() - make_interval(secs => ?)""")
			.params(MAX_TAKEOVERS, takeoverAfter.toSeconds())
			.update();
		jdbc.sql("DELETE FROM letter_audit_upload u USING letter_audit_job j WHERE u.job_id = j.id AND j.state = 'FAILED'").update();
		if (executor.getQueue().remainingCapacity() == 0) {
			return;
		}
		List<UUID> claimed = jdbc.sql("""
				UPDATE letter_audit_job SET node = ?, heartbeat_at = now(), takeovers = takeovers + 1
				WHERE id IN (SELECT id FROM letter_audit_job
				  WHERE state = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => ?)
				  ORDER BY started_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING id""")
			.params(node.name(), takeoverAfter.toSeconds())
			.query(UUID.class)
			.list();
		for (UUID id : claimed) {
			log.warn("Batch audit {} had no heartbeat for {}: taken over by this node ({})", id, takeoverAfter, node.name());
			try {
				executor.execute(() -> run(id));
			}
			catch (RejectedExecutionException e) {
				// this node is busy after all; the heartbeat runs out again and another node (or this one) takes it
			}
		}
	}

	interface Bytes {
		byte[] read() throws IOException;
	}

	/** Reads and analyses one letter; a file that cannot be read gives a row with the reason, never an exception. */
	AuditJob.Row audit(String name, Bytes bytes, LetterCategory category, boolean spelling) {
		try {
			String text = LetterFiles.text(name, bytes.read());
			return AuditJob.Row.of(name, analyses.analyse(text, category, spelling, SubjectLine.detect(text)));
		}
		catch (LetterFiles.UnsupportedFile e) {
			return AuditJob.Row.failed(name, "letters.audit.error.type");
		}
		catch (Exception | LinkageError e) {
			log.debug("Could not read {}: {}", name, e.toString());
			return AuditJob.Row.failed(name, "letters.audit.error.read");
		}
	}

	public Optional<AuditJob> job(UUID id) {
		return jdbc.sql("""
				SELECT id, owner, total, done, state, started_at, finished_at, takeovers FROM letter_audit_job WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new AuditJob(rs.getObject("id", UUID.class), rs.getString("owner"), rs.getInt("total"),
					rs.getInt("done"), rs.getString("state"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
					rs.getInt("takeovers")))
			.optional();
	}

	/** The rows of a job, worst first: files that could not be read, then by score, then by LIX (higher first). */
	public List<AuditJob.Row> ranked(UUID id, int limit) {
		return jdbc.sql("""
				SELECT * FROM letter_audit_row WHERE job_id = ?
				ORDER BY score, lix DESC, file COLLATE "C", seq LIMIT ?""")
			.params(id, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The whole ranked report of a job as CSV (see {@link AuditJob#writeCsv}). */
	public void writeCsv(UUID id, Writer out, Function<String, String> messages) {
		AuditJob.writeCsv(out, ranked(id, Integer.MAX_VALUE), messages);
	}

	private static AuditJob.Row row(ResultSet rs) throws SQLException {
		Array missing = rs.getArray("missing");
		return new AuditJob.Row(rs.getString("file"), rs.getInt("score"), rs.getString("grade").charAt(0), rs.getInt("lix"),
				rs.getInt("words"), rs.getInt("sentences"), rs.getLong("long_sentences"), rs.getLong("passive"),
				rs.getLong("nominalisations"), rs.getLong("officialese"), rs.getLong("disempowering"),
				rs.getLong("formal_address"), rs.getLong("spelling"), Arrays.asList((String[]) missing.getArray()),
				rs.getString("error"), rs.getString("kind"), (Integer) rs.getObject("lix_body"));
	}

	private void forgetOldJobs() {
		jdbc.sql("""
				DELETE FROM letter_audit_job WHERE state <> 'RUNNING' AND id NOT IN (
				  SELECT id FROM letter_audit_job WHERE state <> 'RUNNING' ORDER BY finished_at DESC LIMIT ?)""")
			.param(Math.max(1, settings.auditKeepJobs()))
			.update();
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
