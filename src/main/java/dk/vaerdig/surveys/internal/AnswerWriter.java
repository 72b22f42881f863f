package dk.vaerdig.surveys.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.surveys.internal.Answers.Outcome;
import dk.vaerdig.surveys.internal.Answers.Submission;

/**
 * Stores answers in groups (group commit): the answers that arrive while one group is being written wait for the next,
 * and each group is one transaction of a handful of statements, whatever its size ({@link AnswerGroups}). A request
 * still gets its answer only after the transaction that spends its token and stores its answer has committed, so
 * nothing is acknowledged that is not stored, and the token makes a retry harmless.
 * <p>
 * One thread writes; with little traffic a group is one answer and nothing waits. If a group fails, its answers are
 * written one by one, so one bad answer does not fail the others; if the database is away, each waiting request fails
 * and the candidate's retry is answered once it is back.
 */
@Component
class AnswerWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AnswerWriter.class);

	/** The most answers written in one transaction. */
	static final int MAX_GROUP = 200;

	/** How long a request waits for its group before it gives up (the answer may still be stored; a retry tells). */
	private static final long WAIT_SECONDS = 30;

	record Pending(String token, Submission submission, CompletableFuture<Outcome> outcome) {
	}

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);

	private final AnswerGroups groups;

	private final TransactionTemplate tx;

	private volatile boolean running;

	private Thread writer;

	AnswerWriter(AnswerGroups groups, TransactionTemplate tx) {
		this.groups = groups;
		this.tx = tx;
	}

	/** Stores the answer with the next group and waits until that group has committed. */
	Outcome submit(String token, Submission submission) {
		if (token == null || token.length() > 64) {
			return Outcome.UNKNOWN;
		}
		Pending pending = new Pending(token, submission, new CompletableFuture<>());
		if (!running) {
			write(List.of(pending)); // before start and after stop: in the caller's thread
		}
		else if (!queue.offer(pending)) {
			throw new IllegalStateException("Too many answers waiting to be stored"); // the candidate may try again
		}
		try {
			return pending.outcome().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		catch (TimeoutException e) {
			// if it has not been written yet, it never will be; if it is being written, a retry will say so
			pending.outcome().cancel(false);
			throw new IllegalStateException("The answer was not stored in time", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private void run() {
		List<Pending> group = new ArrayList<>(MAX_GROUP);
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, MAX_GROUP - 1);
				write(group);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				running = false;
			}
			catch (RuntimeException e) {
				log.error("Survey answers could not be written: {}", cause(e));
				group.forEach(p -> p.outcome().completeExceptionally(e));
			}
			finally {
				group.clear();
			}
		}
	}

	private void write(List<Pending> waiting) {
		// answers whose requests gave up waiting (the database was away for a while) are not written any more
		List<Pending> group = waiting.stream().filter(p -> !p.outcome().isDone()).toList();
		if (group.isEmpty()) {
			return;
		}
		try {
			Map<Pending, Outcome> outcomes = tx.execute(status -> groups.store(group));
			group.forEach(p -> p.outcome().complete(outcomes.get(p)));
		}
		catch (RuntimeException e) {
			if (group.size() == 1) {
				group.get(0).outcome().completeExceptionally(e);
				return;
			}
			log.warn("A group of {} survey answers failed ({}); writing them one by one", group.size(), cause(e));
			for (Pending p : group) {
				write(List.of(p));
			}
		}
	}

	/**
	 * What went wrong, without the message: PostgreSQL's messages can quote the failing row, and an answer's comment
	 * may hold personal data. The exception's class and the SQL state say enough to act on.
	 */
	static String cause(Throwable e) {
		StringBuilder s = new StringBuilder(e.getClass().getSimpleName());
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return s.append(" (SQL state ").append(sql.getSQLState()).append(')').toString();
			}
		}
		return s.toString();
	}

	@Override
	public void start() {
		running = true;
		writer = new Thread(this::run, "survey-answer-writer");
		writer.setDaemon(true);
		writer.start();
	}

	@Override
	public void stop() {
		running = false; // the thread writes what is queued, then ends
		try {
			writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		// an answer that came in while the thread was ending
		List<Pending> rest = new ArrayList<>();
		queue.drainTo(rest);
		rest.forEach(p -> write(List.of(p)));
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
