package dk.vaerdig.letters.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import dk.vaerdig.letters.LetterSettings;

/**
 * The batch audit of many letters: the uploads are copied to a temporary folder (so memory does not grow with their
 * size), then read and analysed one by one on a bounded executor ({@code auditThreads} threads, a queue of 4 jobs;
 * beyond that a new batch is refused as busy). The report keeps one small row per letter; the folder is deleted when
 * the job ends. The last {@code auditKeepJobs} reports stay in memory.
 */
@Service
public class BatchAudit implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchAudit.class);

	/** An uploaded file: its name and where its bytes lie. */
	public record Upload(String name, Path file) {
	}

	/** Too many batches are running; try again later. */
	public static class Busy extends RuntimeException {

		public Busy() {
			super("letters.audit.busy");
		}
	}

	private final Analyses analyses;

	private final LetterSettings settings;

	private final ThreadPoolExecutor executor;

	private final Map<UUID, AuditJob> jobs = new LinkedHashMap<>();

	BatchAudit(Analyses analyses, LetterSettings settings) {
		this.analyses = analyses;
		this.settings = settings;
		int threads = Math.max(1, settings.auditThreads());
		this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), r -> {
			Thread t = new Thread(r, "letters-audit");
			t.setDaemon(true);
			return t;
		});
	}

	/** Starts a batch over files already copied into {@code folder}; the folder is deleted when it ends. */
	public AuditJob start(String owner, Path folder, List<Upload> uploads, LetterCategory category, boolean spelling) {
		AuditJob job = new AuditJob(owner, uploads.size());
		try {
			executor.execute(() -> {
				try {
					run(job, uploads, category, spelling);
				}
				finally {
					job.finish();
					delete(folder);
				}
			});
		}
		catch (RejectedExecutionException e) {
			delete(folder);
			throw new Busy();
		}
		synchronized (jobs) {
			jobs.put(job.id(), job);
			while (jobs.size() > Math.max(1, settings.auditKeepJobs())) {
				UUID oldest = jobs.values().stream().filter(AuditJob::finished).map(AuditJob::id).findFirst().orElse(null);
				if (oldest == null) {
					break;
				}
				jobs.remove(oldest);
			}
		}
		return job;
	}

	void run(AuditJob job, List<Upload> uploads, LetterCategory category, boolean spelling) {
		for (Upload upload : uploads) {
			job.add(audit(upload.name(), () -> Files.readAllBytes(upload.file()), category, spelling));
		}
	}

	interface Bytes {
		byte[] read() throws IOException;
	}

	/** Reads and analyses one letter; a file that cannot be read gives a row with the reason, never an exception. */
	AuditJob.Row audit(String name, Bytes bytes, LetterCategory category, boolean spelling) {
		try {
			String text = LetterFiles.text(name, bytes.read());
			return AuditJob.Row.of(name, analyses.analyse(text, category, spelling));
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
		synchronized (jobs) {
			return Optional.ofNullable(jobs.get(id));
		}
	}

	public List<AuditJob> jobs() {
		synchronized (jobs) {
			List<AuditJob> all = new ArrayList<>(jobs.values());
			all.sort(Comparator.comparing(AuditJob::id));
			return all;
		}
	}

	static void delete(Path folder) {
		if (folder == null) {
			return;
		}
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
