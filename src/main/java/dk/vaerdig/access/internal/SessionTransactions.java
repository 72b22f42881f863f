package dk.vaerdig.access.internal;

import java.util.function.Supplier;

import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The transactions of Spring Session JDBC's repository, which runs every read and write in a transaction of its own.
 * A read of a session by its id is one SELECT (and, for a session that has expired, one DELETE), and needs no
 * transaction: {@link QuietSessions#findById} reads through {@link #read}, without one, which saves every request the
 * round trip of a COMMIT. Writes (a new or changed session: its row and its attributes) keep their transaction.
 */
final class SessionTransactions implements TransactionOperations {

	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	private final TransactionOperations transactions;

	SessionTransactions(TransactionOperations transactions) {
		this.transactions = transactions;
	}

	/** Runs a read of the repository without a transaction. */
	static <T> T read(Supplier<T> read) {
		if (READING.get() != null) {
			return read.get();
		}
		READING.set(Boolean.TRUE);
		try {
			return read.get();
		}
		finally {
			READING.remove();
		}
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		return READING.get() != null ? TransactionOperations.withoutTransaction().execute(action)
				: transactions.execute(action);
	}
}
